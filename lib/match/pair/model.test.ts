import { describe, expect, it } from "vitest";
import { analyzePassage, compareEventDates, extractEventDates } from "./analyze";
import { measurePair } from "./features";
import { disputed, loadPairModel, scorePassages, warmPairModel } from "./model";

const aug16 = new Date("2023-08-16T12:00:00Z");

describe("analysis", () => {
  it("resolves dates against the publication date, and not without one", () => {
    const on = extractEventDates("The two leaders spoke on Tuesday.", aug16);
    expect(on.map((d) => [d.y, d.m, d.d])).toEqual([[2023, 8, 15]]);
    expect(extractEventDates("The two leaders spoke on Tuesday.", null)).toEqual([]);
    expect(extractEventDates("Protests began last month.", aug16).map((d) => [d.y, d.m, d.d])).toEqual([[2023, 7, null]]);
    expect(extractEventDates("The band was founded in 1962.", null).map((d) => d.y)).toEqual([1962]);
  });

  it("compares dates at the granularity both sides know", () => {
    const [a] = extractEventDates("on 15 August", aug16),
      [b] = extractEventDates("on 10 September", aug16),
      [c] = extractEventDates("in August", aug16);
    expect(compareEventDates(a, b)).toEqual({ kind: "differ", gapDays: 26 });
    expect(compareEventDates(a, c).kind).toBe("compatible");
  });

  it("finds names with the tagger, not a list, and keeps month names out of them", () => {
    const a = analyzePassage({ text: "Vladimir Putin spoke with Assimi Goita on 15 August about Niger.", publishedAt: aug16 });
    expect(a.names).toEqual(["vladimir putin", "assimi goita", "niger"]);
  });

  it("takes a pronoun-led claim's participants from the sentence before it", () => {
    const bare = analyzePassage({ text: "He said the call had been held at the initiative of the Malian side." });
    expect(bare.names).not.toContain("vladimir putin");
    const withContext = analyzePassage({
      text: "He said the call had been held at the initiative of the Malian side.",
      context: "Vladimir Putin spoke with Assimi Goita on Tuesday.",
    });
    expect(withContext.names).toEqual(expect.arrayContaining(["vladimir putin", "assimi goita"]));
  });

  it("measures numbers, dates and negation on each side", () => {
    const m = measurePair(
      analyzePassage({ text: "Twelve people were killed in the attack." }),
      analyzePassage({ text: "Nine people were not killed in the attack." }),
    );
    expect(m.detail.numbersConflict.map(([x, y]) => [x.value, y.value])).toEqual([[12, 9]]);
    expect(m.detail.negB).toEqual(["not"]);
  });
});

describe("the pair model", () => {
  const at = (text: string, d = aug16) => ({ text, publishedAt: d });

  it("never links reports of different events", () => {
    const r = scorePassages(
      at("Putin and Goita discussed Niger in a phone call on 15 August."),
      at("Putin and Goita discussed Niger in a phone call on 10 September.", new Date("2023-09-11")),
    );
    expect(r.relation).toBe("none");
    expect(r.reasons[0]).toMatch(/different events: .*15 August.* vs .*10 September/);
    const march = scorePassages(
      at("Putin spoke with Goita by phone on Tuesday about Niger."),
      at("Putin spoke with Goita by phone in March 2024 about security.", new Date("2024-03-21")),
    );
    expect(march.relation).toBe("none");
  });

  // Known miss of the shipped weights (README, "Evaluation"): the shared number, place and day
  // outweigh the different event. Kept as an expected failure so a refit that fixes it is noticed.
  it.fails("does not make a match of shared circumstances alone", () => {
    const r = scorePassages(
      at("Two fighter jets crashed near the border town on Monday."),
      at("Two mercenaries were captured near the border town on Monday."),
    );
    expect(r.relation).not.toBe("supports");
  });

  it("reads a different count of one event as a dispute", () => {
    const r = scorePassages(
      at("Twelve people were killed in the attack on the market in Gao on Sunday."),
      at("Nine people were killed in the attack on the market in Gao on Sunday."),
    );
    expect(r.relation).toBe("contradicts");
    expect(r.reasons.join(" ")).toContain("numbers differ: 12 vs 9");
  });

  it("reads opposite words about one event as a dispute, and says which", () => {
    for (const [x, y, words] of [
      ["The missing climber was found alive on the mountain on Sunday.", "The missing climber was found dead on the mountain on Sunday.", "alive vs dead"],
      [
        "The court found the former minister guilty of fraud on Tuesday.",
        "The court found the former minister innocent of fraud on Tuesday.",
        "guilty vs innocent",
      ],
    ]) {
      const r = scorePassages(at(x), at(y));
      expect(r.relation).toBe("contradicts");
      expect(r.reasons.join(" ")).toContain(`opposite words: ${words}`);
    }
    // A negated antonym says the same thing: "not guilty" is "innocent".
    const m = measurePair(
      analyzePassage({ text: "The court found him not guilty of fraud." }),
      analyzePassage({ text: "The court found him innocent of fraud." }),
    );
    expect(m.detail.antonyms).toEqual([["guilty", "innocent"]]);
    expect(disputed(m)).toBe(false);
  });

  it("does not read a hedged report as support: 'reportedly', 'allegedly', 'claims' on one side only", () => {
    const plain = at("The finance minister resigned on Monday after the bribery scandal.");
    for (const hedged of [
      "The finance minister reportedly resigned on Monday after the bribery scandal.",
      "The finance minister allegedly resigned on Monday after the bribery scandal.",
      "Opposition leaders claim the finance minister resigned on Monday after the bribery scandal.",
    ]) {
      const r = scorePassages(plain, at(hedged));
      expect(r.relation).toBe("none");
      expect(r.reasons[0]).toMatch(/^hedged in one passage only/);
      expect(scorePassages(at(hedged), plain).relation).toBe("none");
    }
    // Two reports of the same claim agree with each other.
    expect(
      scorePassages(
        at("Opposition leaders claimed the finance minister resigned on Monday after the bribery scandal."),
        at("Opposition leaders claim the finance minister resigned on Monday after the bribery scandal."),
      ).relation,
    ).toBe("supports");
  });

  it("finds nothing to compare in a passage of no content words", () => {
    // Before the guard, two lone letters read as a contradiction (0.66).
    for (const [x, y] of [
      ["A", "B"],
      ["It was.", "Niger's military rulers shut the airspace on Sunday."],
    ]) {
      const r = scorePassages(at(x), at(y));
      expect(r.relation).toBe("none");
      expect(r.reasons[0]).toMatch(/nothing to compare/);
    }
  });

  it("gives scores in 0..1 and reasons a reviewer can read", () => {
    const r = scorePassages(at("The junta closed the country's airspace on Sunday."), at("Niger's military rulers shut the airspace on Sunday."));
    expect(r.score).toBeGreaterThanOrEqual(0);
    expect(r.score).toBeLessThanOrEqual(1);
    expect(r.probs.supports + r.probs.contradicts + r.probs.none).toBeCloseTo(1, 5);
    expect(r.reasons.length).toBeGreaterThan(0);
  });

  it("ships weights fitted by the committed command, with their held-out figures", () => {
    const w = loadPairModel().w;
    expect(w.fitted.data).toBe("pairs-dev.json");
    expect(w.fitted.heldoutPairs).toBeGreaterThan(3000);
    expect(Object.keys(w.fitted.heldout as object).sort()).toEqual(["emergent", "fever", "msrp"]);
  });
});

describe("warming up a worker", () => {
  it("runs pairs through analysis and the scorer, and changes nothing the scorer answers", () => {
    const a = { text: "Nine people died when the ferry sank on Sunday, the coastguard said.", publishedAt: aug16 };
    const b = { text: "The coastguard said 19 people were killed when the ferry sank.", publishedAt: aug16 };
    const before = scorePassages(a, b);
    expect(warmPairModel(3)).toBe(3);
    expect(scorePassages(a, b)).toEqual(before);
  });
});
