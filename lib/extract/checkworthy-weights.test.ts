import { existsSync, readFileSync } from "node:fs";
import { describe, it, expect } from "vitest";
import { fitCheckworthy, weightsFile, type ClaimBusterRow } from "../../eval/fit-checkworthy";
import { FEATURE_NAMES } from "./checkworthy";
import committed from "./checkworthy-weights.json" with { type: "json" };

const DATA = "../shared/data/claimbuster-dev.json";

describe("the shipped check-worthiness weights", () => {
  it("name the features in the order the scorer computes them", () => {
    expect(committed.features).toEqual([...FEATURE_NAMES]);
    expect(committed.weights).toHaveLength(FEATURE_NAMES.length);
  });

  // The data set is shared beside the repo, not in it; a clone without it cannot refit.
  it.skipIf(!existsSync(DATA))("equal a fresh fit on the ClaimBuster dev set (npm run fit -- checkworthy)", () => {
    const fit = fitCheckworthy(JSON.parse(readFileSync(DATA, "utf8")) as ClaimBusterRow[]);
    expect(committed).toEqual(weightsFile(fit));
  });
});
