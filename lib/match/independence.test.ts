import { describe, expect, it } from "vitest";
import { forgetShingles, isIndependent, sourceKeys, shingleSimilarity, shinglesKept, SHINGLES_KEPT } from "./independence";

const wire =
  "Russian President Vladimir Putin on Sunday held a phone call with the interim leader of Mali, Assimi Goita, and discussed topics including anti-terrorism efforts and the crisis in Mali's neighbour Niger, the Kremlin said in a statement.";
const other =
  "Putin and Goita had a telephone conversation on Tuesday, Aug. 15, according to CNN, and discussed the events happening in Niger and the wider region.";
const src = (outletId: string, articleText: string, extra: Partial<{ originGroup: string; wireCredit: string }> = {}) => ({
  outletId,
  originGroup: extra.originGroup ?? null,
  wireCredit: extra.wireCredit ?? null,
  articleText,
});

describe("independence", () => {
  it("measures copied passages by containment", () => {
    expect(shingleSimilarity(wire, "Breaking news. " + wire + " More to follow.")).toBe(1);
    expect(shingleSimilarity(wire, other)).toBeLessThan(0.1);
    expect(shingleSimilarity("", wire)).toBe(0);
  });
  it("counts distinct shared shingles, as sets of the texts' 5-word runs would, and answers the same from its cache", () => {
    // The definition, spelled out with string sets: shared distinct shingles over the smaller set.
    const set = (t: string) => {
      const w = t.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
      return new Set(w.slice(0, Math.max(0, w.length - 4)).map((_, i) => w.slice(i, i + 5).join(" ")));
    };
    const reference = (x: string, y: string) => {
      const [a, b] = [set(x), set(y)];
      const [small, big] = a.size <= b.size ? [a, b] : [b, a];
      return small.size && big.size ? [...small].filter((s) => big.has(s)).length / small.size : 0;
    };
    const repeated = `${wire} ${wire} ${other.slice(0, 60)}`;
    // Few distinct shingles, each many times: the smaller side counts each once.
    const loop = "the cat sat on the mat ".repeat(4);
    const texts = [
      wire,
      other,
      repeated,
      loop,
      `${loop} ${wire}`,
      `${other} ${loop}`,
      `${other} ${wire.slice(0, 120)}`,
      "Too short to shingle.",
      "one two three four five",
    ];
    for (const x of texts)
      for (const y of texts) {
        expect(shingleSimilarity(x, y)).toBeCloseTo(reference(x, y), 12);
        expect(shingleSimilarity(x, y)).toBe(shingleSimilarity(y, x));
      }
    expect(reference(repeated, wire)).toBe(1);
    expect(shingleSimilarity(repeated, wire)).toBe(1);
    expect(shingleSimilarity(loop, `${loop} ${wire}`)).toBe(1);
  });
  it("keeps a bounded number of shingles however many articles it has seen", () => {
    // Sixty long articles of distinct words: 600,000 shingles in all, more than the cache keeps.
    const article = (k: number) => Array.from({ length: 10_004 }, (_, i) => `w${k}x${i}`).join(" ");
    for (let k = 0; k < 60; k++) {
      expect(shingleSimilarity(article(k), wire)).toBe(0);
      expect(shinglesKept()).toBeLessThanOrEqual(SHINGLES_KEPT);
    }
    expect(shinglesKept()).toBeGreaterThan(SHINGLES_KEPT - 20_000);
    // A long text of one repeated phrase has five shingles, but the text itself is kept as the key.
    forgetShingles();
    const repeated = (k: number) => `${"the same five words again ".repeat(8_000)}${k}`;
    expect(shingleSimilarity(repeated(0), wire)).toBe(0);
    expect(shinglesKept()).toBeGreaterThanOrEqual(repeated(0).length / 8);
    for (let k = 1; k < 30; k++) {
      expect(shingleSimilarity(repeated(k), wire)).toBe(0);
      expect(shinglesKept()).toBeLessThanOrEqual(SHINGLES_KEPT);
    }
  });
  it("rejects same outlet, same group, shared wire credit and near copies", () => {
    expect(isIndependent(src("a", wire), src("a", other))).toBe(false);
    expect(isIndependent(src("a", wire, { originGroup: "g" }), src("b", other, { originGroup: "g" }))).toBe(false);
    expect(isIndependent(src("a", wire, { wireCredit: "Reuters" }), src("b", other, { wireCredit: "AFP/Reuters" }))).toBe(false);
    expect(isIndependent(src("a", wire), src("b", wire + " Editing by Hugh Lawson."))).toBe(false);
    // An agency's initials and its name are one agency.
    expect(isIndependent(src("a", wire, { wireCredit: "AP" }), src("b", other, { wireCredit: "The Associated Press" }))).toBe(false);
    expect(isIndependent(src("a", wire, { wireCredit: "Agence France-Presse" }), src("b", other, { wireCredit: "AFP" }))).toBe(false);
  });
  it("names what an article is a copy of as keys: outlet, origin group, wire agencies", () => {
    expect(sourceKeys({ outletId: "o1", originGroup: null, wireCredit: "Associated Press; Reuters" })).toEqual(["outlet:o1", "wire:ap", "wire:reuters"]);
    expect(sourceKeys({ outletId: "o2", originGroup: "g", wireCredit: null })).toEqual(["outlet:o2", "group:g"]);
  });
  it("accepts different outlets with their own reporting", () => {
    expect(isIndependent(src("a", wire, { wireCredit: "Reuters" }), src("b", other, { wireCredit: "AFP" }))).toBe(true);
  });
});
