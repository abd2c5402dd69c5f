import { describe, it, expect } from "vitest";
import { isDisputed, justificationNeeded, verdictCheck, verdictLabel, verdictProblem, type ConfirmedLink } from "./rules";

const support = (independent = true): ConfirmedLink => ({ relation: "supports", independent });
const contradict = (independent = true): ConfirmedLink => ({ relation: "contradicts", independent });

describe("verdictProblem", () => {
  it("corroborated needs a confirmed supporting link to an independent outlet", () => {
    expect(verdictProblem("corroborated", [support()])).toBeNull();
    expect(verdictProblem("corroborated", [support(false), support()])).toBeNull();
    expect(verdictProblem("corroborated", [support(), contradict()])).toBeNull();
    expect(verdictProblem("corroborated", [])).toMatch(/Corroborated needs .*independent/);
    expect(verdictProblem("corroborated", [support(false)])).toMatch(/Corroborated needs/);
    // Told why the support it has does not count, not to link one.
    expect(verdictProblem("corroborated", [support(false)])).toMatch(/copies of the same wire story/);
    expect(verdictProblem("corroborated", [support(false)])).not.toMatch(/Link a supporting passage first/);
    expect(verdictProblem("corroborated", [])).toMatch(/Link a supporting passage first/);
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

describe("evidence against the verdict", () => {
  const enough = "The Kremlin readout and two independent outlets outweigh one garbled report.";
  it("corroborated beside a confirmed contradicting link needs a rationale", () => {
    expect(justificationNeeded("corroborated", [support(), contradict()])).toMatch(/contradiction is outweighed/);
    expect(verdictCheck("corroborated", [support(), contradict()])).toMatch(/contradiction is outweighed/);
    expect(verdictCheck("corroborated", [support(), contradict()], "  too short  ")).toMatch(/at least 20/);
    expect(verdictCheck("corroborated", [support(), contradict()], enough)).toBeNull();
    expect(verdictCheck("corroborated", [support()])).toBeNull();
  });

  it("contradicted beside a confirmed independent supporting link needs a rationale; a same-origin one does not", () => {
    expect(verdictCheck("contradicted", [contradict(), support()])).toMatch(/support is outweighed/);
    expect(verdictCheck("contradicted", [contradict(), support()], enough)).toBeNull();
    expect(verdictCheck("contradicted", [contradict(), support(false)])).toBeNull();
  });

  it("the hard rules come first, whatever the rationale", () => {
    expect(verdictCheck("corroborated", [contradict()], enough)).toMatch(/Corroborated needs/);
    expect(verdictCheck("single_sourced", [support()], enough)).toMatch(/Single-sourced is not possible/);
  });

  it("names a corroborated claim with contradicting evidence disputed", () => {
    expect(isDisputed("CORROBORATED", [{ relation: "SUPPORTS" }, { relation: "CONTRADICTS" }])).toBe(true);
    expect(isDisputed("corroborated", [{ relation: "supports" }])).toBe(false);
    expect(isDisputed("contradicted", [{ relation: "contradicts" }])).toBe(false);
    expect(verdictLabel("CORROBORATED", [{ relation: "contradicts" }])).toBe("Corroborated · disputed");
    expect(verdictLabel("single_sourced", [])).toBe("Single-sourced");
  });
});
