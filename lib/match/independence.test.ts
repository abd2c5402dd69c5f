import { describe, expect, it } from "vitest";
import { isIndependent, shingleSimilarity } from "./independence";

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
  it("rejects same outlet, same group, shared wire credit and near copies", () => {
    expect(isIndependent(src("a", wire), src("a", other))).toBe(false);
    expect(isIndependent(src("a", wire, { originGroup: "g" }), src("b", other, { originGroup: "g" }))).toBe(false);
    expect(isIndependent(src("a", wire, { wireCredit: "Reuters" }), src("b", other, { wireCredit: "AFP/Reuters" }))).toBe(false);
    expect(isIndependent(src("a", wire), src("b", wire + " Editing by Hugh Lawson."))).toBe(false);
  });
  it("accepts different outlets with their own reporting", () => {
    expect(isIndependent(src("a", wire, { wireCredit: "Reuters" }), src("b", other, { wireCredit: "AFP" }))).toBe(true);
  });
});
