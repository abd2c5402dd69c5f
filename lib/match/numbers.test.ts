import { describe, expect, it } from "vitest";
import { extractNumbers, measureUnit, numbersCompatible, sameQuantity } from "./numbers";

const vals = (t: string) => extractNumbers(t).map((n) => [n.value, n.unit]);

describe("numbers", () => {
  it("reads words, digits with separators and hyphenated units", () => {
    expect(vals("Twelve people")).toEqual(vals("12 people"));
    expect(vals("12 people")[0][0]).toBe(12);
    expect(vals("9,000 people and 9000 people").map((v) => v[0])).toEqual([9000, 9000]);
    expect(vals("a 140-metre bridge")[0]).toEqual(vals("a bridge of 140 metres")[0]);
    expect(vals("twenty-five soldiers")).toEqual([[25, expect.any(String)]]);
    expect(vals("1.9% inflation")).toEqual([[1.9, "%"]]);
  });
  it("skips years, pronoun 'one' and spans owned by dates", () => {
    expect(vals("in 2023 one of them")).toEqual([]);
    expect(extractNumbers("on August 15", [[3, 12]])).toEqual([]);
  });

  it("reads a clock time or a score as no count", () => {
    expect(extractNumbers("The roof gave way at 03:40 local time, trapping 12 miners.").map((n) => n.value)).toEqual([12]);
    expect(vals("Mali won 3:1 after extra time.")).toEqual([]);
  });
  it("reads no day as the thing counted: 'rose to nine on Wednesday'", () => {
    expect(vals("The death toll rose to nine on Wednesday.")).toEqual([[9, null]]);
    expect(vals("Nine died on Wednesday.")).toEqual([[9, expect.any(String)]]);
  });

  it("tells units of measure apart from counted things", () => {
    expect(["metres", "kilometres", "inches", "mm", "cubic", "hours"].map((w) => measureUnit(extractNumbers(`3 ${w}`)[0].unit))).toEqual(Array(6).fill(true));
    expect(measureUnit(extractNumbers("3 people")[0].unit)).toBe(false);
    expect(measureUnit(null)).toBe(false);
  });

  it("respects qualifiers when comparing", () => {
    const [a] = extractNumbers("killed at least 137 people");
    const [b] = extractNumbers("killed 140 people");
    const [c] = extractNumbers("killed 90 people");
    expect(sameQuantity(a, b)).toBe(true);
    expect(numbersCompatible(a, b)).toBe(true);
    expect(numbersCompatible(a, c)).toBe(false);
  });
  it("does not compare different quantities", () => {
    const [a] = extractNumbers("12 people were killed");
    const [b] = extractNumbers("9 buses were damaged");
    expect(sameQuantity(a, b)).toBe(false);
  });
});
