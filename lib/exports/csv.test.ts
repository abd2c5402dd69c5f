import { describe, it, expect } from "vitest";
import { parseCsv } from "../../eval/csv";
import { csvField, csvLine } from "./csv";

describe("csvField", () => {
  it("quotes fields with a comma, a quote or a line break, doubling quotes (RFC 4180)", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField('a, "b"\nc')).toBe('"a, ""b""\nc"');
    expect(csvField("cr\rhere")).toBe('"cr\rhere"');
    expect(csvField(null)).toBe("");
    expect(csvField(0.75)).toBe("0.75");
  });

  it("neutralises formula injection in text", () => {
    for (const s of ['=HYPERLINK("http://x")', "+1+2", "-2+3", "@SUM(A1)", "\tx", "\rx"]) expect(csvField(s).replace(/^"/, "")).toMatch(/^'/);
    expect(csvField("=1,2")).toBe('"\'=1,2"');
    // Our own numbers stay numbers.
    expect(csvField(-0.5)).toBe("-0.5");
  });

  it("round-trips through an RFC 4180 parser", () => {
    const tricky = 'He said, "no"\nthen left';
    const text = csvLine(["id", "text"]) + csvLine(["1", tricky]) + csvLine(["2", "=cmd"]);
    expect(parseCsv(text)).toEqual([
      ["id", "text"],
      ["1", tricky],
      ["2", "'=cmd"],
    ]);
  });
});
