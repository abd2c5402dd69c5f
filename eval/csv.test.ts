import { describe, expect, it } from "vitest";
import { parseCsv, parseCsvRecords, toCsv } from "./csv";

describe("csv", () => {
  it("parses quoted fields with commas, newlines and doubled quotes", () => {
    const text = '\ufeffBody ID,articleBody\r\n1,"He said ""no"", then\nleft."\n2,plain\n';
    expect(parseCsv(text)).toEqual([
      ["Body ID", "articleBody"],
      ["1", 'He said "no", then\nleft.'],
      ["2", "plain"],
    ]);
    expect(parseCsvRecords(text)[0]).toEqual({ "Body ID": "1", articleBody: 'He said "no", then\nleft.' });
  });
  it("round-trips through the writer", () => {
    const rows = [
      ["Headline", "Body ID", "Stance"],
      ['A "quoted", headline', "7", "agree"],
      ["multi\nline", "8", "discuss"],
    ];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });
  it("handles a last line without newline and empty fields", () => {
    expect(parseCsv("a,,c\nd,e,")).toEqual([
      ["a", "", "c"],
      ["d", "e", ""],
    ]);
  });
});
