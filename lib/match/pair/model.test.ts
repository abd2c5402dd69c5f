import { describe, expect, it } from "vitest";
import { analyzePassage, articleEventDates, compareEventDates, extractEventDates } from "./analyze";
import { DENSE_FEATURES, measurePair } from "./features";
import { Net, disputed, inputSize, loadPairModel, scoreAnalyses, scorePassages, softmax, warmPairModel, type NetWeights } from "./model";

const aug16 = new Date("2023-08-16T12:00:00Z");

describe("analysis", () => {
  it("resolves dates against the publication date, and not without one", () => {
    const on = extractEventDates("The two leaders spoke on Tuesday.", aug16);
    expect(on.map((d) => [d.y, d.m, d.d])).toEqual([[2023, 8, 15]]);
    expect(extractEventDates("The two leaders spoke on Tuesday.", null)).toEqual([]);
    expect(extractEventDates("Protests began last month.", aug16).map((d) => [d.y, d.m, d.d])).toEqual([[2023, 7, null]]);
    expect(extractEventDates("The band was founded in 1962.", null).map((d) => d.y)).toEqual([1962]);
    // Without a publication date a relative word resolves against nothing, and an outlet called
    // TODAY is not a date; a date written out with its digits still counts.
    for (const relative of ["Officials said last week that TODAY had the story.", "The plant burned 3 days ago.", "Today at 3pm the mayor spoke."])
      expect(extractEventDates(relative, null), relative).toEqual([]);
    expect(extractEventDates("The army chiefs met on August 17, 2023.", null).map((d) => [d.y, d.m, d.d])).toEqual([[2023, 8, 17]]);
  });

  it("reads a length of time as no date, and a time ago as one", () => {
    const march = new Date("2025-03-14T08:00:00Z");
    for (const span of [
      "Safety inspections were skipped for eight months, the union said.",
      "In the last six months, output fell.",
      "Over the past year, 40 miners died.",
      "Within two weeks, the company paid.",
      "He was jailed for five years.",
    ])
      expect(extractEventDates(span, march), span).toEqual([]);
    expect(extractEventDates("The mine closed three months ago.", march).map((d) => [d.y, d.m])).toEqual([[2024, 12]]);
    expect(extractEventDates("He was jailed for five years in 2019.", march).map((d) => d.y)).toEqual([2019]);
  });

  it("reads an article's dates, known to the month, sentence by sentence", () => {
    const text = "A fire broke out at the plant on Tuesday. More than 40 firefighters fought it. The plant opened in 1998.";
    expect(articleEventDates(text, new Date("2024-09-18T08:00:00Z")).map((d) => [d.y, d.m, d.d])).toEqual([[2024, 9, 17]]);
    expect(articleEventDates(`${text} It burned again 3 days ago.`, null)).toEqual([]);
    // An abbreviated month is no sentence end; each date keeps its own year.
    const fined = extractEventDates("The plant was fined on Dec. 3, 2019, and again on Jan. 5, 2021.", new Date("2024-09-18T08:00:00Z"));
    expect(fined.map((d) => [d.y, d.m, d.d])).toEqual([
      [2019, 12, 3],
      [2021, 1, 5],
    ]);
  });

  it("reads a count after a month or weekday and a comma as a number, not as a year or a day", () => {
    const july = new Date("2025-07-18T08:00:00Z");
    for (const [text, date, count] of [
      ["In March, 38 people died when another ferry sank.", [2025, 3, null], "38"],
      ["By September, 17 schools had closed.", [2025, 9, null], "17"],
      ["On 5 May, 40 people were rescued.", [2025, 5, 5], "40"],
      ["On Tuesday, 12 people were hurt.", [2025, 7, 15], "12"],
    ] as const) {
      const a = analyzePassage({ text, publishedAt: july });
      expect(
        a.dates.map((d) => [d.y, d.m, d.d]),
        text,
      ).toEqual([date]);
      expect(
        a.numbers.map((n) => n.text),
        text,
      ).toEqual([count]);
    }
    expect(extractEventDates("In July, 2023 saw the coup.", july).map((d) => [d.y, d.m])).toEqual([[2023, 7]]);
  });

  it("takes an article's own event as its latest date by its publication, with the week before it", () => {
    const july = new Date("2025-07-18T08:00:00Z");
    const days = (text: string, d: Date | null = july) => articleEventDates(text, d).map((x) => [x.y, x.m, x.d]);
    // The background it recalls is not its event...
    expect(days("A ferry sank on Thursday. In March, 38 people died when another ferry sank.")).toEqual([[2025, 7, 17]]);
    // ...the days of its week are...
    expect(days("A ferry sank on Thursday, July 17. The search began on July 12.")).toEqual([
      [2025, 7, 17],
      [2025, 7, 12],
    ]);
    // ...a date after publication (a trial set for September) is not, unless there is nothing else...
    expect(days("A ferry sank on July 17. The owner goes on trial on September 3.")).toEqual([[2025, 7, 17]]);
    expect(days("The owner goes on trial on September 3, 2025.")).toEqual([[2025, 9, 3]]);
    // ...and without a publication date the latest date named stands.
    expect(days("The ferry sank on July 17, 2025, like another on March 6, 2025.", null)).toEqual([[2025, 7, 17]]);
  });

  it("reads the dates news sentences use around a day", () => {
    const tue = new Date("2025-10-14T09:00:00Z"); // Tuesday 14 October 2025
    const days = (text: string) => extractEventDates(text, tue).map((d) => [d.y, d.m, d.d]);
    // A time of day names no day, and does not swallow the date after it.
    expect(days("The dam failed after a night of torrential rain.")).toEqual([]);
    expect(days("The river burst its banks on the night of Sept. 3, 2023, flooding the square.")).toEqual([[2023, 9, 3]]);
    // "Last year" and "this year" name a year, not a month.
    expect(days("The sirens installed last year had not sounded.")).toEqual([[2024, null, null]]);
    expect(days("The budget this year was cut.")).toEqual([[2025, null, null]]);
    expect(days("The dam was inspected last month.")).toEqual([[2025, 9, null]]);
    // The day a statement was made is marked as the saying's: it places the event within days.
    const said = (text: string) => extractEventDates(text, tue).map((d) => [d.y, d.m, d.d, !!d.said]);
    expect(said("Seven people were killed, the regional government said on Wednesday.")).toEqual([[2025, 10, 8, true]]);
    expect(said("The ministry said on March 3, 2024 that the dam was safe.")).toEqual([[2024, 3, 3, true]]);
    expect(said("Seven people were killed on Wednesday, the government said.")).toEqual([[2025, 10, 8, false]]);
    // A weekday the report looks forward to is the next one; otherwise the last one.
    expect(days("Rail services were suspended until Friday.")).toEqual([[2025, 10, 17]]);
    expect(days("Rail services were suspended on Friday.")).toEqual([[2025, 10, 10]]);
  });

  it("compares dates at the granularity both sides know", () => {
    const [a] = extractEventDates("on 15 August", aug16),
      [b] = extractEventDates("on 10 September", aug16),
      [c] = extractEventDates("in August", aug16);
    expect(compareEventDates(a, b)).toEqual({ kind: "differ", gapDays: 26 });
    expect(compareEventDates(a, c).kind).toBe("compatible");
    const [y1, y2] = [...extractEventDates("built in 1962", aug16), ...extractEventDates("opened in 1962", aug16)];
    expect(compareEventDates(y1, y2)).toEqual({ kind: "same", gapDays: 0 });
  });

  it("reads months a year names on one side only the same way in both directions", () => {
    const august = { y: null, m: 8, d: null, label: "August", start: 0, end: 6 },
      september = { y: 2023, m: 9, d: null, label: "September 2023", start: 0, end: 14 };
    expect(compareEventDates(august, september)).toEqual({ kind: "differ", gapDays: 31 });
    expect(compareEventDates(september, august)).toEqual({ kind: "differ", gapDays: 31 });
  });

  it("finds names with the tagger, not a list, and keeps month names out of them", () => {
    const a = analyzePassage({ text: "Vladimir Putin spoke with Assimi Goita on 15 August about Niger.", publishedAt: aug16 });
    expect(a.names).toEqual(["vladimir putin", "assimi goita", "niger"]);
  });

  it("does not read a title-case headline's common words as names", () => {
    // Every word is capitalised; the tagger calls "Man", "Mauled" and "Bear" proper nouns.
    const headline = analyzePassage({ text: "Man Mauled By Bear Says He's Only Alive Thanks to Justin Bieber" });
    expect(headline.names).toEqual(["justin bieber"]);
    // Read again in sentence case, its verbs are verbs, with their lemmas.
    expect(headline.toks.filter((t) => t.pos === "VERB").map((t) => t.lemma)).toEqual(["maul", "say"]);
    expect(analyzePassage({ text: "Report: Pentagon Officials Say Militant Leader Killed In Strike" }).names).toEqual(["pentagon"]);
    // A sentence that capitalises its names only is not title case, whatever its share of names.
    expect(analyzePassage({ text: "Tim Roth is an English actor." }).names).toEqual(["tim roth", "english"]);
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

  describe("a dispute between reports of events more than a week apart", () => {
    // Two fires at one plant, six months apart: the sentences name no date, their articles do.
    const march = new Date("2025-03-12T08:00:00Z"),
      september = new Date("2024-09-18T08:00:00Z");
    const inMarch = (text: string) => ({ text, publishedAt: march, articleDates: articleEventDates("The plant burned on Tuesday.", march) });
    const inSeptember = (text: string) => ({ text, publishedAt: september, articleDates: articleEventDates("The plant burned on Tuesday.", september) });
    const crews = ["More than 80 firefighters battled the blaze for nine hours.", "More than 40 firefighters battled the blaze for three hours."] as const;

    it("is no contradiction: the two are not known to be one event", () => {
      const alone = scorePassages(at(crews[0], march), at(crews[1], march));
      expect(alone.relation).toBe("contradicts");
      const apart = scorePassages(inMarch(crews[0]), inSeptember(crews[1]));
      expect(apart.relation).toBe("none");
      expect(apart.reasons[0]).toMatch(/reports of different events: dated 11 March 2025 and 17 September 2024/);
      expect(scorePassages(inSeptember(crews[1]), inMarch(crews[0])).relation).toBe("none");
    });

    it("is no contradiction either when the later report recalls the earlier fire", () => {
      // A report of a new fire that recalls the last one still tells the new one in its undated sentences.
      const recalls = { ...inMarch(crews[0]), articleDates: articleEventDates("The plant burned on Tuesday, as it did on 17 September 2024.", march) };
      expect(scorePassages(recalls, inSeptember(crews[1])).relation).toBe("none");
      expect(scorePassages(inSeptember(crews[1]), recalls).relation).toBe("none");
    });

    it("is a contradiction when both reports' latest dates are within a week", () => {
      const followUp = { ...inMarch(crews[0]), articleDates: articleEventDates("The plant burned on Tuesday, as it did on 17 September 2024.", march) };
      const sameFire = { text: crews[1], publishedAt: march, articleDates: articleEventDates("Crews were called on Wednesday morning.", march) };
      expect(scorePassages(followUp, sameFire).relation).toBe("contradicts");
    });

    it("is a contradiction between reports of one event, whatever year a sentence recalls", () => {
      const recalled = "More than 80 firefighters, the most since 2019, battled the blaze for nine hours.";
      expect(scorePassages(inMarch(recalled), inMarch(crews[1])).relation).toBe("contradicts");
    });

    it("measures a month named alone to its nearest day: 30 September and 1 October are one event", () => {
      const end = new Date("2024-10-02T08:00:00Z");
      const sept = { text: crews[0], publishedAt: end, articleDates: articleEventDates("The plant burned in late September, on Sept. 30.", end) };
      const oct = { text: crews[1], publishedAt: end, articleDates: articleEventDates("The plant burned on Tuesday, October 1.", end) };
      expect(scorePassages(sept, oct).relation).toBe("contradicts");
    });

    it("keeps the background that reports of different events share", () => {
      const threat = "ECOWAS has threatened military intervention to restore Bazoum to power.";
      const kept = scorePassages(inMarch(threat), inSeptember(threat));
      expect(kept.relation).toBe("supports");
      // ...and says first that the reports are of different events, so the reviewer checks it is background.
      expect(kept.reasons[0]).toBe("reports of different events (dated 11 March 2025 and 17 September 2024): support only if this is background both share");
      expect(scorePassages(inMarch(threat), inMarch(threat)).reasons.join(" ")).not.toMatch(/different events/);
    });
  });

  it("reads a statement restated with a negation or a denial as a contradiction", () => {
    const said = at("Transport Minister Lazarus Phiri said the ferry had been overloaded.");
    const negated = scorePassages(said, at("Transport Minister Lazarus Phiri said the ferry had not been overloaded."));
    expect(negated.relation).toBe("contradicts");
    expect(negated.reasons).toContain("negated in one passage only: 'not'");
    const denied = scorePassages(at("Phiri denied that the ferry had been overloaded."), said);
    expect(denied.relation).toBe("contradicts");
    expect(denied.reasons[0]).toBe("denied in one passage only: 'denied'");
    // A negation said another way on the other side is no restatement: "declined" is not in the first.
    const declined = scorePassages(
      at("Jack Ferry, company spokesman, said that a search is in progress but would not comment on its status."),
      at("Company spokesman Jack Ferry said a search is ongoing but declined comment on its status."),
    );
    expect(declined.relation).not.toBe("contradicts");
    // Both denying is agreement.
    expect(scorePassages(at("Phiri denied that the ferry had been overloaded."), at("Phiri denied the ferry was overloaded.")).relation).toBe("supports");
  });

  it("never calls two different lower bounds agreeing numbers, and names them", () => {
    const r = scorePassages(
      at("At least 38 people were killed when the ferry capsized on Thursday."),
      at("At least 51 people were killed when the ferry capsized on Thursday."),
    );
    expect(r.reasons.join(" ")).not.toMatch(/numbers that agree|same numbers/);
    expect(r.reasons).toContain("different counts, both bounds: at least 38 and at least 51");
  });

  it("says a lower bound and a count agree, and never calls them the same number", () => {
    const r = scorePassages(
      at("At least 12 people were killed in the fire at the plant on Tuesday."),
      at("Fifteen people were killed in the fire at the plant on Tuesday."),
    );
    expect(r.relation).toBe("supports");
    expect(r.reasons).toContain("numbers that agree: at least 12 and 15");
    expect(r.reasons.join(" ")).not.toMatch(/same numbers/);
  });

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
    // The trial's death toll, told in other words: "workers died" and "people were killed" (decision 041).
    const toll = scorePassages(at("Twelve workers died in the explosion at the plant."), at("Fifteen people were killed in the explosion at the plant."));
    expect(toll.relation).toBe("contradicts");
    expect(toll.reasons.join(" ")).toContain("numbers differ: 12 vs 15");
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

  it("gives a pair the gate turns away the relation network's probabilities when they are read", () => {
    const a = analyzePassage(at("The junta closed the country's airspace on Sunday.")),
      b = analyzePassage(at("Apple expects to sell 19 million watches, an analyst said."));
    const r = scoreAnalyses(a, b);
    expect(r.relation).toBe("none");
    expect(r.reasons[0]).toMatch(/^unrelated/);
    const { p } = loadPairModel().probs(measurePair(a, b));
    expect(r.probs).toEqual({ supports: p[0], contradicts: p[1], none: p[2] });
    expect(r.probs.supports + r.probs.contradicts + r.probs.none).toBeCloseTo(1, 5);
  });

  it("ships weights fitted by the committed command, with their held-out figures", () => {
    const w = loadPairModel().w;
    expect(w.fitted.data).toBe("pairs-dev.json");
    expect(w.fitted.heldoutPairs).toBeGreaterThan(3000);
    expect(Object.keys(w.fitted.heldout as object).sort()).toEqual(["emergent", "fever", "msrp"]);
  });
});

describe("cue words", () => {
  it("are the one-sided words without which the answer would be less likely, in a network with a hidden layer", () => {
    // Two hidden units, with biases; all input weights zero but the rows of two one-sided words.
    const base = { dense: [...DENSE_FEATURES], vocabA: ["~hoax", "~say", "~unused"], vocabB: [] };
    const d = DENSE_FEATURES.length;
    const w1 = Array.from({ length: inputSize(base) }, () => [0, 0]);
    w1[d] = [2, 0]; // ~hoax drives unit 0, which votes for contradicts
    w1[d + 1] = [0, 0.5]; // ~say drives unit 1, which votes for none
    const w: NetWeights = {
      ...base,
      mean: Array(d).fill(0),
      std: Array(d).fill(1),
      hidden: 2,
      w1,
      b1: [0.3, -0.2],
      w2: [
        [0, 3, 0],
        [0, 0, 3],
      ],
      b2: [0.1, 0, -0.1],
    };
    const net = new Net(w);
    const m = measurePair(analyzePassage({ text: "Officials say the ferry story is a hoax." }), analyzePassage({ text: "The ferry sank on Sunday." }));
    const x = net.encode(m);
    const hoax = d,
      say = d + 1;
    expect([...x.sparse].sort((p, q) => p - q)).toEqual([hoax, say]);
    // P(contradicts) from the two units' sums of word weights.
    const p = (h0: number, h1: number) => softmax([0.1, 3 * Math.tanh(h0 + 0.3), -0.1 + 3 * Math.tanh(h1 - 0.2)])[1];
    const drops = new Map(net.occlusion(x, 1).map((q) => [q.i, q.drop]));
    expect(drops.get(hoax)).toBeCloseTo(p(2, 0.5) - p(0, 0.5), 10);
    expect(drops.get(say)).toBeCloseTo(p(2, 0.5) - p(2, 0), 10);
    expect(drops.get(say)).toBeLessThan(0); // "say" speaks against a contradiction
    // The same from the first layer's sums the scorer already computed.
    expect(net.occlusion({ ...x, sums: net.layer1(x) }, 1)).toEqual(net.occlusion(x, 1));
  });

  it("name what tipped the shipped model, for a reviewer", () => {
    const hoax = scorePassages(
      { text: "A man was saved from a bear attack thanks to a Justin Bieber ringtone" },
      { text: "Bear attack foiled by Justin Bieber ringtone was a hoax" },
    );
    expect(hoax.relation).toBe("contradicts");
    // The words in the order of what they weigh, the heaviest first.
    expect(hoax.reasons).toContain("cue words: hoax, man");
    const not = scorePassages({ text: "The minister resigned on Monday." }, { text: "The minister did not resign on Monday." });
    expect(not.reasons).toContain("cue words: not");
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
