import { describe, expect, it } from "vitest";
import type { Passage } from "./analyze";
import { scorePassages } from "./model";

// Acceptance, in-sample: sentences copied from prisma/seed/articles with the publication dates the
// articles give. The model was fitted on public pairs (npm run fit -- pairs), never on these.
const PUB: Record<string, string> = { techtimes: "2023-08-16", africanews: "2023-08-16", myjoy: "2023-08-15", today: "2023-09-10", moscowtimes: "2024-03-27" };
const side = (outlet: string, text: string): Passage => ({ text, publishedAt: new Date(PUB[outlet] + "T12:00:00Z") });

const S = {
  callTT: side("techtimes", "According to CNN Edition's latest report, Putin and Goita had a telephone conversation on Tuesday, Aug. 15."),
  callAN: side(
    "africanews",
    "Russian President Vladimir Putin called for a peaceful resolution to the Niger crisis in a telephone call with Mali’s President, Assimi Goita, the Kremlin said on Tuesday, August 15.",
  ),
  callMJ: side(
    "myjoy",
    "Russian President Vladimir Putin and Mali’s interim president, Assimi Goita on Tuesday had a telephone conversation over events unfolding in Niger – a development that is likely to raise concerns among Western leaders about Russia’s increasing influence in the West African region.",
  ),
  meansTT: side(
    "techtimes",
    "The Russian president said that to resolve the ongoing issues in the region, exclusively peaceful political and diplomatic means are needed.",
  ),
  meansAN: side(
    "africanews",
    "“The importance of resolving the situation with regard to the Republic of Niger exclusively by peaceful political and diplomatic means was emphasized,” the Kremlin said.",
  ),
  meansMJ: side(
    "myjoy",
    "Putin emphasised that an “exclusively peaceful political and diplomatic means,” was important in resolving the ongoing situation, the statement said.",
  ),
  xAN: side(
    "africanews",
    "Putin “stressed the importance of a peaceful resolution of the situation for a more stable Sahel,” Goita said on social media platform X, formerly known as Twitter.",
  ),
  xMJ: side(
    "myjoy",
    "“He (Putin) stressed the importance of a peaceful resolution of the situation for a more stable Sahel,” Goita said on social media platform X, formerly known as Twitter.",
  ),
  standbyTT: side(
    "techtimes",
    "Vladimir's call for a peaceful resolution came after West African leaders ordered the deployment and activation of a regional standby force.",
  ),
  standbyMJ: side(
    "myjoy",
    "Putin’s call for a peaceful resolution comes days after West African leaders ordered the “activation” and the “deployment” of a regional standby force to restore constitutional order in Niger following President Mohamed Bazoum’s removal in a coup d’etat by the presidential guard in late July.",
  ),
  coupTD: side(
    "today",
    "According to the statement, the two leaders agreed that the crisis in Niger, where a July coup ousted President Mohammed Bazoum, could only be resolved by diplomatic means.",
  ),
  coupAN: side(
    "africanews",
    "The call is likely to rattle Western governments that fear growing Russian influence in the Sahel, as Putin has been meeting with the West African leaders backing Niger’s coupists, since they toppled the democratically elected government of deposed president Mohamed Bazoum on July 26.",
  ),
  wagnerAN: side(
    "africanews",
    "Western powers fear that Niger could go the same way as neighbouring Mali, whose leaders hired mercenaries from Russia’s Wagner group to help them fight an insurgency after they overthrew the democratic government three years ago and kicked out French troops.",
  ),
  wagnerTD: side(
    "today",
    "The ruling military junta in Mali has warned against outside intervention in Niger, and has also developed a close relationship with Russia, with Moscow's Wagner Group mercenary force deployed in the country.",
  ),
  ecowasAN: side(
    "africanews",
    "West African army chiefs will meet on Thursday, August 17 and Friday, August 18 in Ghana, to prepare for a possible military intervention, which the main regional bloc, the Economic Community of West African States (ECOWAS) has threatened to launch if diplomacy fails.",
  ),
  ecowasTD: side(
    "today",
    "West Africa's main regional bloc, The Economic Community of West African States (ECOWAS), has previously threatened military intervention to restore Bazoum to power.",
  ),
  sep10TD: side(
    "today",
    "Russian President Vladimir Putin on Sunday held a phone call with the interim leader of Mali, Assimi Goita, and discussed topics including anti-terrorism efforts and the crisis in Mali's neighbour Niger, the Kremlin said in a statement.",
  ),
  marchMT: side(
    "moscowtimes",
    "Russia and Mali agreed to strengthen their cooperation over counterterrorism in a telephone call on Wednesday according to both parties, following the attack in Moscow that killed at least 137.",
  ),
  socialMT: side("moscowtimes", 'Colonel Goita echoed the decision on social media: "We have agreed to cooperate more in the fight against terrorism."'),
  libyaTT: side("techtimes", "He said that ever since Libya collapsed, the Sahara-Sahel region started suffering from terrorist attacks."),
  flagsTT: side(
    "techtimes",
    "A Niger businessman said that is pro-Russia because he's against France, saying that France has been negatively affecting the country ever since he was a kid.",
  ),
};

const supports = (a: Passage, b: Passage) => {
  const s = scorePassages(a, b);
  expect(s.relation, s.reasons.join("; ")).toBe("supports");
  // The pair is read the same whichever side is the claim.
  expect(scorePassages(b, a).relation).toBe("supports");
  return s;
};
const unlinked = (a: Passage, b: Passage) => {
  const s = scorePassages(a, b);
  expect(s.relation, s.reasons.join("; ")).toBe("none");
  return s;
};

// In-sample acceptance: the fitted model is not tuned to these sentences, so the figure is a
// floor with the misses named (README, "Evaluation"), not a rule per pair.
const FACTS: [string, Passage, Passage][] = [
  ["the call of 15 August (Tech Times, Africanews)", S.callTT, S.callAN],
  ["the call of 15 August (MyJoyOnline, Tech Times)", S.callMJ, S.callTT],
  ["the call of 15 August (Africanews, MyJoyOnline)", S.callAN, S.callMJ],
  ["exclusively peaceful means (Tech Times, MyJoyOnline)", S.meansTT, S.meansMJ],
  ["exclusively peaceful means (Africanews, Tech Times)", S.meansAN, S.meansTT],
  ["exclusively peaceful means (Africanews, MyJoyOnline)", S.meansAN, S.meansMJ],
  ["Goita's post on X", S.xAN, S.xMJ],
  ["the standby force", S.standbyTT, S.standbyMJ],
  ["the July coup", S.coupTD, S.coupAN],
  ["Wagner in Mali", S.wagnerTD, S.wagnerAN],
  ["the ECOWAS threat", S.ecowasAN, S.ecowasTD],
];

describe("seed articles: the same fact in different outlets supports", () => {
  it("reads the seven facts as support across outlets, the same whichever side is the claim", () => {
    const misses: string[] = [];
    for (const [name, a, b] of FACTS) {
      const r = scorePassages(a, b);
      // The model reads pairs symmetrically: a pair never depends on which outlet came first.
      expect(scorePassages(b, a).relation).toBe(r.relation);
      if (r.relation !== "supports") misses.push(`${name}: ${r.relation} (${r.reasons[0]})`);
    }
    expect(misses.length, misses.join("; ")).toBeLessThanOrEqual(2);
  });
  it("explains support with the words that pick the statement out", () => {
    expect(supports(S.xAN, S.xMJ).reasons.join(" ")).toMatch(/shared words: .*(twitter|sahel|stable)/);
    expect(supports(S.meansAN, S.meansTT).reasons.join(" ")).toMatch(/exclusively/);
  });
});

describe("seed articles: different events and unrelated passages", () => {
  it("does not link the 10 September call to the 15 August call", () => {
    expect(unlinked(S.sep10TD, S.callAN).reasons[0]).toMatch(/different events/);
    unlinked(S.sep10TD, S.callTT);
    unlinked(S.callMJ, S.sep10TD);
  });
  it("does not link the 2024 call to the 2023 one", () => {
    expect(unlinked(S.marchMT, S.callTT).reasons[0]).toMatch(/different events/);
  });
  it("does not link unrelated sentences about the same story", () => {
    unlinked(S.libyaTT, S.ecowasTD);
    unlinked(S.flagsTT, S.callAN);
    unlinked(S.wagnerTD, S.xAN);
  });
});
