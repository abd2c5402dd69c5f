import { describe, expect, it } from "vitest";
import { suggestVerdict, verdictLink, type VerdictLink } from "./verdict";

const link = (relation: VerdictLink["relation"], score: number, more: Partial<VerdictLink> = {}): VerdictLink => ({
  relation,
  score,
  independent: true,
  verified: false,
  ...more,
});

describe("suggestVerdict", () => {
  it("follows the weight of the suggested evidence: one weak contradiction does not outweigh support", () => {
    expect(suggestVerdict([link("supports", 0.8), link("contradicts", 0.6)])).toBe("corroborated");
    expect(suggestVerdict([link("supports", 0.7), link("supports", 0.6), link("contradicts", 0.9)])).toBe("corroborated");
  });

  it("is contradicted when the contradicting links outweigh the supporting ones", () => {
    expect(suggestVerdict([link("supports", 0.5), link("contradicts", 0.9)])).toBe("contradicted");
    expect(suggestVerdict([link("supports", 0.6), link("contradicts", 0.55), link("contradicts", 0.52)])).toBe("contradicted");
    expect(suggestVerdict([link("contradicts", 0.3)])).toBe("contradicted");
    expect(suggestVerdict([link("contradicts", 0)])).toBe("contradicted");
  });

  it("clamps scores to 0..1, lets a score that is no number weigh nothing, and gives a tie to the support", () => {
    expect(suggestVerdict([link("supports", 0.9), link("contradicts", Number.NaN), link("contradicts", 0.95)])).toBe("contradicted");
    expect(suggestVerdict([link("supports", 0.9), link("contradicts", Number.NaN)])).toBe("corroborated");
    expect(suggestVerdict([link("supports", 1), link("contradicts", 7)])).toBe("corroborated");
    expect(suggestVerdict([link("supports", -3), link("contradicts", 0.1)])).toBe("contradicted");
    expect(suggestVerdict([link("supports", 0.6), link("contradicts", 0.6)])).toBe("corroborated");
  });

  it("a contradiction a reviewer confirmed decides, and a verified link weighs in full", () => {
    expect(suggestVerdict([link("supports", 0.9), link("supports", 0.9), link("contradicts", 0.2, { verified: true })])).toBe("contradicted");
    expect(suggestVerdict([link("supports", 0.2, { verified: true }), link("contradicts", 0.95)])).toBe("corroborated");
  });

  it("counts independent sources only: a wire copy corroborates and contradicts nothing", () => {
    expect(suggestVerdict([link("supports", 0.9)])).toBe("corroborated");
    expect(suggestVerdict([link("supports", 0.9, { independent: false }), link("contradicts", 0.9, { independent: false })])).toBe("single_sourced");
    expect(suggestVerdict([link("supports", 0.6), link("contradicts", 0.95, { independent: false, verified: true })])).toBe("corroborated");
    expect(suggestVerdict([])).toBe("single_sourced");
  });

  it("weighs the copies of one wire story as one source", () => {
    const ap = (outlet: string) => ({ sources: [`outlet:${outlet}`, "wire:ap"] });
    const copies = [link("supports", 0.5, ap("a")), link("supports", 0.5, ap("b")), link("supports", 0.5, ap("c"))];
    // Three outlets' copies of one AP story weigh 0.5, not 1.5, against one independent report's 0.9.
    expect(suggestVerdict([...copies, link("contradicts", 0.9, { sources: ["outlet:d"] })])).toBe("contradicted");
    // Read without sources (as before), each link is its own source.
    expect(suggestVerdict([link("supports", 0.5), link("supports", 0.5), link("supports", 0.5), link("contradicts", 0.9)])).toBe("corroborated");
    // Two outlets of their own are two sources; one outlet's two articles are one.
    expect(
      suggestVerdict([
        link("supports", 0.5, { sources: ["outlet:a"] }),
        link("supports", 0.5, { sources: ["outlet:b"] }),
        link("contradicts", 0.9, { sources: ["outlet:d"] }),
      ]),
    ).toBe("corroborated");
    expect(
      suggestVerdict([
        link("supports", 0.5, { sources: ["outlet:a"] }),
        link("supports", 0.5, { sources: ["outlet:a"] }),
        link("contradicts", 0.9, { sources: ["outlet:d"] }),
      ]),
    ).toBe("contradicted");
  });

  it("does not count a suggested support from a report of another event until a reviewer confirms it", () => {
    expect(suggestVerdict([link("supports", 0.9, { background: true })])).toBe("single_sourced");
    expect(suggestVerdict([link("supports", 0.9, { background: true }), link("supports", 0.4)])).toBe("corroborated");
    expect(suggestVerdict([link("supports", 0.9, { background: true, verified: true })])).toBe("corroborated");
    // It no longer outweighs a contradiction either.
    expect(suggestVerdict([link("supports", 0.9, { background: true }), link("contradicts", 0.3)])).toBe("contradicted");
  });

  it("reads a stored link: confirmed or reviewer-made links are verified", () => {
    const row = { relation: "CONTRADICTS" as const, independent: true, score: 0.4 };
    expect(verdictLink({ ...row, state: "SUGGESTED", origin: "SUGGESTED" })).toEqual({
      relation: "contradicts",
      independent: true,
      score: 0.4,
      verified: false,
    });
    expect(verdictLink({ ...row, state: "CONFIRMED", origin: "SUGGESTED" }).verified).toBe(true);
    expect(verdictLink({ ...row, state: "SUGGESTED", origin: "REVIEWER" }).verified).toBe(true);
    expect(verdictLink({ ...row, background: true, state: "SUGGESTED", origin: "SUGGESTED" }).background).toBe(true);
  });
});
