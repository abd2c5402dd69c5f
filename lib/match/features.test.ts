import { describe, expect, it } from "vitest";
import { analyze, pairFeatures } from "./features";

const pub = new Date("2023-08-16T12:00:00Z");

describe("pairFeatures", () => {
  it("separates names, dates, numbers and content words", () => {
    const a = analyze("Putin and Goïta spoke by telephone on Tuesday, Aug. 15, about 12 soldiers.", pub);
    const b = analyze("Vladimir Putin and Assimi Goita held a phone call on August 15 about twelve soldiers.", pub);
    const f = pairFeatures(a, b);
    expect(f.entities.shared).toEqual(["Putin", "Goita"]);
    expect(f.dates.same).toEqual(["2023-08-15"]);
    expect(f.numbers.agree).toHaveLength(1);
    expect(f.content.shared).toEqual(expect.arrayContaining(["telephone", "soldiers"]));
  });
  it("reports a date conflict only when no date agrees", () => {
    const a = analyze("The talks were held on August 14 and August 15.", pub);
    const b = analyze("The talks were held on August 15.", pub);
    expect(pairFeatures(a, b).dates.conflict).toEqual([]);
    const c = analyze("The talks were held on August 10.", pub);
    expect(pairFeatures(b, c).dates.conflict[0]).toMatchObject({ gapDays: 5 });
  });
});
