import { describe, it, expect } from "vitest";
import { verdictProblem, type ConfirmedLink } from "./rules";

const support = (independent = true): ConfirmedLink => ({ relation: "supports", independent });
const contradict = (independent = true): ConfirmedLink => ({ relation: "contradicts", independent });

describe("verdictProblem", () => {
  it("corroborated needs a confirmed supporting link to an independent outlet", () => {
    expect(verdictProblem("corroborated", [support()])).toBeNull();
    expect(verdictProblem("corroborated", [support(false), support()])).toBeNull();
    expect(verdictProblem("corroborated", [support(), contradict()])).toBeNull();
    expect(verdictProblem("corroborated", [])).toMatch(/Corroborated needs .*independent/);
    expect(verdictProblem("corroborated", [support(false)])).toMatch(/Corroborated needs/);
    expect(verdictProblem("corroborated", [contradict()])).toMatch(/Corroborated needs/);
  });

  it("contradicted needs a confirmed contradicting link, independent or not", () => {
    expect(verdictProblem("contradicted", [contradict()])).toBeNull();
    expect(verdictProblem("contradicted", [contradict(false)])).toBeNull();
    expect(verdictProblem("contradicted", [support(), contradict()])).toBeNull();
    expect(verdictProblem("contradicted", [])).toMatch(/Contradicted needs/);
    expect(verdictProblem("contradicted", [support()])).toMatch(/Contradicted needs/);
  });

  it("single-sourced allows no confirmed supporting link from an independent outlet", () => {
    expect(verdictProblem("single_sourced", [])).toBeNull();
    expect(verdictProblem("single_sourced", [support(false)])).toBeNull();
    expect(verdictProblem("single_sourced", [contradict()])).toBeNull();
    expect(verdictProblem("single_sourced", [support()])).toMatch(/Single-sourced is not possible/);
    expect(verdictProblem("single_sourced", [support(false), support()])).toMatch(/Single-sourced/);
  });
});
