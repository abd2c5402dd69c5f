import { describe, expect, it } from "vitest";
import { compareDates, extractDates } from "./dates";

const pub = new Date("2023-08-16T10:00:00Z"); // a Wednesday
const labels = (t: string, p: Date | null = pub) => extractDates(t, p).map((d) => d.label);

describe("dates", () => {
  it("reads explicit dates in several styles", () => {
    expect(labels("on Tuesday, Aug. 15.")).toEqual(["2023-08-15"]);
    expect(labels("on 15 August 2023")).toEqual(["2023-08-15"]);
    expect(labels("on July 27, 2023 and 2023-07-28")).toEqual(["2023-07-27", "2023-07-28"]);
  });
  it("resolves weekdays and relative words against the publication date", () => {
    expect(labels("the Kremlin said on Tuesday")).toEqual(["2023-08-15"]);
    expect(labels("held last month")).toEqual(["2023-07"]);
    expect(labels("yesterday")).toEqual(["2023-08-15"]);
    expect(labels("on Sunday", new Date("2023-09-10T08:00:00Z"))).toEqual(["2023-09-10"]);
  });
  it("keeps month-level and unresolved mentions", () => {
    expect(labels("a July coup")).toEqual(["2023-07"]);
    expect(labels("in late July")).toEqual(["2023-07"]);
    expect(extractDates("on Wednesday", null)[0]).toMatchObject({ gran: "weekday", weekday: 3 });
    expect(labels("they may come", pub)).toEqual([]);
  });
  it("compares intervals", () => {
    const [d] = extractDates("on July 26", pub);
    const [m] = extractDates("a July coup", pub);
    const [s] = extractDates("on September 10, 2023", pub);
    expect(compareDates(d, m).kind).toBe("overlap");
    expect(compareDates(d, s)).toMatchObject({ kind: "differ", gapDays: 46 });
  });
});
