import { describe, expect, it } from "vitest";
import { analyze } from "./features";
import { negationConflict, slotConflicts } from "./stance";

const at = (t: string) => analyze(t, new Date("2024-05-08T12:00:00Z"));

describe("stance cues", () => {
  it("finds a negated predicate affirmed on the other side", () => {
    expect(negationConflict(at("No one was injured in the blast."), at("Three people were injured in the blast."))).toBe("negation: 'no one was injured' vs 'three people were injured'");
  });
  it("ignores negation present on both sides", () => {
    expect(negationConflict(at("He did not attend the summit."), at("He didn't attend the summit in Sochi."))).toBeNull();
  });
  it("does not treat a spelling variant as a different person", () => {
    expect(slotConflicts(at("President Mohamed Bazoum was detained."), at("President Mohammed Bazoum was detained."))).toEqual([]);
  });
});
