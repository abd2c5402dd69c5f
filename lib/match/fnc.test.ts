import { describe, expect, it } from "vitest";
import { parseCsvRecords } from "./csv";
import { fitModel, predictStances } from "./fnc";
import { FEATURE_NAMES, FncFeaturizer } from "./fnc-features";
import { confusion, fncScore, perClassF1, type FncLabel } from "./fnc-metrics";
import { FNC_WEIGHTS } from "./fnc-weights";

const BODIES = `Body ID,articleBody
10,"A bear attacked a hunter in the Russian forest, and the man's Justin Bieber ringtone scared it away.
Officials confirmed the hunter survived the attack."
20,"Apple will unveil a new MacBook Air at its spring event, sources claim.
The company has not commented on the rumours."
`;
const STANCES = `Headline,Body ID,Stance
Justin Bieber ringtone saves hunter from bear attack,10,agree
"Apple to unveil ""Retina"" MacBook Air, sources say",20,discuss
Justin Bieber ringtone saves hunter from bear attack,20,unrelated
`;

describe("FNC metrics", () => {
  it("scores 0.25 for relatedness and 0.75 more for the exact label", () => {
    const gold: FncLabel[] = ["agree", "discuss", "unrelated", "disagree"];
    const pred: FncLabel[] = ["agree", "agree", "unrelated", "unrelated"];
    expect(fncScore(gold, pred)).toEqual({ score: 1 + 0.25 + 0.25, max: 3.25, share: 1.5 / 3.25 });
    const m = confusion(gold, pred);
    expect(m[0]).toEqual([1, 0, 0, 0]);
    expect(perClassF1(m)).toMatchObject({ agree: 2 / 3, disagree: 0, discuss: 0, unrelated: 2 / 3 });
  });
});

describe("FNC classifier", () => {
  const bodies = new Map(parseCsvRecords(BODIES).map((r) => [r["Body ID"], r.articleBody]));
  const pairs = parseCsvRecords(STANCES).map((r) => ({ headline: r.Headline, bodyId: r["Body ID"], gold: r.Stance as FncLabel }));

  it("has weights for every feature", () => {
    expect(FNC_WEIGHTS.related).toHaveLength(FEATURE_NAMES.length);
    for (const w of FNC_WEIGHTS.stance) expect(w).toHaveLength(FEATURE_NAMES.length);
  });
  it("computes higher similarity for the matching body", () => {
    const fz = new FncFeaturizer(bodies, pairs.map((p) => p.headline));
    const [match, other] = [fz.features(pairs[0].headline, "10"), fz.features(pairs[0].headline, "20")];
    expect(match).toHaveLength(FEATURE_NAMES.length);
    expect(match[1]).toBeGreaterThan(other[1]);
  });
  it("labels related and unrelated pairs with the shipped weights", () => {
    const pred = predictStances(bodies, pairs);
    expect(pred[2]).toBe("unrelated");
    expect(pred[0]).not.toBe("unrelated");
    expect(pred[1]).not.toBe("unrelated");
  });
  it("fits a model of the right shape", () => {
    const fz = new FncFeaturizer(bodies, pairs.map((p) => p.headline));
    const m = fitModel(pairs.map((p) => fz.features(p.headline, p.bodyId)), pairs.map((p) => p.gold));
    expect(m.stance).toHaveLength(3);
    expect(m.related).toHaveLength(FEATURE_NAMES.length);
  });
});
