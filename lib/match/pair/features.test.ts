// The scorer's hot loops read packed, hashed copies of each passage (analyze.ts). These tests
// recompute the same measures the plain way, from the passages' strings, and require equal values:
// the packing is an optimisation and must not change what the model reads.
import { describe, expect, it } from "vitest";
import { analyzePassage, type Analysis } from "./analyze";
import { COVERED, DENSE_FEATURES, measurePair } from "./features";
import { cosine } from "./vectors";

const PAIRS: [string, string][] = [
  [
    "Russian President Vladimir Putin spoke to Mali's interim president Assimi Goita on Tuesday.",
    "Putin and Goita held a telephone conversation on Tuesday, the Kremlin said.",
  ],
  ["Two fighter jets crashed near the border town on Monday.", "Two mercenaries were captured near the border town on Monday."],
  ["The army toppled the elected government in a coup.", "Soldiers overthrew the country's elected government, officials said."],
  ["A man was saved from a bear attack thanks to a Justin Bieber ringtone", "Man Mauled By Bear Says He's Only Alive Thanks to Justin Bieber"],
  ["The company did not report a loss of 3 million dollars in 2014.", "The company reported a 3 million dollar loss in 2014, the company said."],
];

const gramSet = (xs: string[], n: number) => new Set(xs.slice(0, xs.length - n + 1).map((_, i) => xs.slice(i, i + n).join(" ")));
const chars = (text: string) => {
  const t = text.toLowerCase().replace(/\s+/g, " ");
  return new Set(Array.from({ length: Math.max(0, t.length - 2) }, (_, i) => t.slice(i, i + 3)));
};
const common = (x: Set<string>, y: Set<string>) => [...x].filter((g) => y.has(g)).length;

function lcs(a: string[], b: string[]): number {
  const t = a.map(() => new Array<number>(b.length + 1).fill(0));
  let prev = new Array<number>(b.length + 1).fill(0);
  a.forEach((x, i) => {
    const row = t[i];
    b.forEach((y, j) => (row[j + 1] = x === y ? prev[j] + 1 : Math.max(prev[j + 1], row[j])));
    prev = row;
  });
  return prev[b.length];
}

function longestRun(a: string[], b: string[]): number {
  let best = 0;
  for (let i = 0; i < a.length; i++)
    for (let j = 0; j < b.length; j++) {
      let k = 0;
      while (i + k < a.length && j + k < b.length && a[i + k] === b[j + k]) k++;
      best = Math.max(best, k);
    }
  return best;
}

// Each content word's best similarity on the other side, by the rule features.ts states.
function bestSims(a: Analysis, b: Analysis): number[] {
  return a.content.map((i) => {
    const t = a.toks[i];
    return Math.max(
      0,
      ...b.content.map((j) => {
        const u = b.toks[j];
        if (t.lemma === u.lemma || t.word === u.word) return 1;
        if (t.name || u.name || t.pos === "NUM" || u.pos === "NUM" || t.vec < 0 || u.vec < 0) return 0;
        return cosine(t.vec, u.vec);
      }),
    );
  });
}

function leftovers(a: Analysis, b: Analysis): string[] {
  const best = bestSims(a, b);
  const covered = new Set(a.content.filter((_, k) => best[k] >= COVERED));
  return [...new Set(a.toks.filter((t, i) => !t.name && t.pos !== "NUM" && !covered.has(i) && !b.lemmas.includes(t.lemma)).map((t) => t.lemma))];
}

const at = (dense: number[], name: string) => dense[DENSE_FEATURES.indexOf(name)];
const both = (dense: number[], name: string) => [at(dense, `${name}_max`), at(dense, `${name}_min`)];
const sided = (x: number, y: number) => [Math.max(x, y), Math.min(x, y)];

describe("packed pair measures equal their plain definitions", () => {
  for (const [ta, tb] of PAIRS) {
    it(`"${ta.slice(0, 40)}…"`, () => {
      const a = analyzePassage({ text: ta }),
        b = analyzePassage({ text: tb });
      const { dense, leftover } = measurePair(a, b);
      for (const n of [1, 2, 3]) {
        const ga = gramSet(a.lemmas, n),
          gb = gramSet(b.lemmas, n),
          k = common(ga, gb);
        expect(both(dense, `gram${n}`)).toEqual(sided(ga.size ? k / ga.size : 0, gb.size ? k / gb.size : 0));
      }
      const ca = chars(a.text),
        cb = chars(b.text),
        kc = common(ca, cb);
      expect(at(dense, "char_jaccard")).toBe(kc / (ca.size + cb.size - kc));
      const l = lcs(a.lemmas, b.lemmas);
      expect(both(dense, "lcs")).toEqual(sided(l / a.lemmas.length, l / b.lemmas.length));
      expect(at(dense, "run")).toBe(longestRun(a.lemmas, b.lemmas) / Math.min(a.toks.length, b.toks.length));
      // Alignment: the idf-weighted share of each side's content that the other covers.
      const soft = (x: Analysis, y: Analysis) => {
        const best = bestSims(x, y),
          idf = x.content.map((i) => x.toks[i].idf);
        return best.reduce((s, v, k) => s + v * idf[k], 0) / idf.reduce((s, w) => s + w, 0);
      };
      const [hi, lo] = both(dense, "soft"),
        [ra, rb] = sided(soft(a, b), soft(b, a));
      expect(hi).toBeCloseTo(ra, 12);
      expect(lo).toBeCloseTo(rb, 12);
      const bag = [...new Set([...leftovers(a, b), ...leftovers(b, a)])];
      expect(leftover).toEqual(bag);
    });
  }

  it("can tell a measure that moved: a changed passage changes the plain and packed values alike", () => {
    const a = analyzePassage({ text: PAIRS[1][0] });
    const same = measurePair(a, analyzePassage({ text: PAIRS[1][0] })),
      other = measurePair(a, analyzePassage({ text: PAIRS[1][1] }));
    expect(at(same.dense, "char_jaccard")).toBe(1);
    expect(at(other.dense, "char_jaccard")).toBeLessThan(1);
    expect(same.leftover).toEqual([]);
    expect(other.leftover.length).toBeGreaterThan(0);
  });
});

describe("antonyms", () => {
  const opposites = (a: string, b: string) => measurePair(analyzePassage({ text: a }), analyzePassage({ text: b })).detail.antonyms;

  it("finds a word of one passage whose antonym stands in the other, from either side", () => {
    expect(opposites("The court found him guilty of fraud.", "The court found him innocent of fraud.")).toEqual([["guilty", "innocent"]]);
    expect(opposites("The court found him innocent of fraud.", "The court found him guilty of fraud.")).toEqual([["innocent", "guilty"]]);
    expect(opposites("Officials reported an increase in unemployment.", "Officials reported a decrease in unemployment.")).toEqual([["increase", "decrease"]]);
  });

  it("needs each word to be absent from the other side", () => {
    expect(opposites("The verdict was guilty and innocent in turn.", "The verdict was innocent.")).toEqual([]);
    expect(opposites("The court found him guilty.", "The court found him guilty.")).toEqual([]);
  });

  it("leaves verbs out: 'came' and 'went' tell one trip two ways", () => {
    expect(opposites("The president came to Bamako on Monday.", "The president went to Bamako on Monday.")).toEqual([]);
  });
});

describe("counts of one quantity", () => {
  const numbers = (a: string, b: string) => {
    const d = measurePair(analyzePassage({ text: a }), analyzePassage({ text: b })).detail;
    const show = (xs: [{ text: string }, { text: string }][]) => xs.map(([p, q]) => `${p.text}/${q.text}`);
    return { conflict: show(d.numbersConflict), agree: show(d.numbersAgree) };
  };

  it("compares counts whose words differ but align: 'workers died' and 'people were killed'", () => {
    const out = numbers("Twelve workers died in the explosion at the plant.", "Fifteen people were killed in the explosion at the plant.");
    expect(out.conflict).toEqual(["Twelve/Fifteen"]);
    // From either side.
    expect(numbers("Fifteen people were killed in the explosion at the plant.", "Twelve workers died in the explosion at the plant.").conflict).toEqual([
      "Fifteen/Twelve",
    ]);
  });

  // Known miss: one unit with the words around it told in other words. Comparing such counts was
  // measured (2026-12-02) and dropped: word vectors pair "killed" with "injured" as readily as with
  // "died", so "Twelve people were killed" / "Nine people were injured" became a dispute.
  it.fails("compares counts of one unit whose verbs differ: 'Nine people died' and '19 people were killed'", () => {
    expect(numbers("Nine people died when the ferry sank.", "The coastguard said 19 people were killed when the ferry sank.").conflict).toEqual(["Nine/19"]);
  });

  it("keeps counts of unrelated things apart: 'three days of mourning' and 'three meals a day'", () => {
    expect(numbers("The president declared three days of national mourning.", "Passengers were given three meals a day on the crossing.")).toEqual({
      conflict: [],
      agree: [],
    });
    // Related things counted for different events stay apart too: "killed" and "injured".
    expect(numbers("Twelve people were killed in the attack.", "Nine people were injured in the attack.").conflict).toEqual([]);
  });

  it("reads a number the other passage agrees with, or states too, as no dispute", () => {
    // A count and a part of it: "23 injured, three seriously".
    const toll = "Seven people were killed and 23 were injured, the regional government said.";
    const injured = "Twenty-three people were injured, three seriously, and roughly 300 residents were evacuated.";
    expect(numbers(toll, injured).conflict).toEqual([]);
    expect(numbers(injured, toll).conflict).toEqual([]);
    // A conversion in brackets: "2.5 metres (8 feet)".
    const depth = "Water reached 2.5 metres (8 feet) in the main square.";
    const about = "Water reached about 2.5 metres in the main square.";
    expect(numbers(depth, about)).toEqual({ conflict: [], agree: ["2.5/2.5"] });
    expect(numbers(about, depth)).toEqual({ conflict: [], agree: ["2.5/2.5"] });
    // A different depth is still disputed.
    expect(numbers("Water reached 1.5 metres in the main square.", about).conflict).toEqual(["1.5/2.5"]);
  });

  it("compares no numbers in two different units of measure", () => {
    expect(numbers("The dam, three kilometres up the valley, had failed.", "The dam, a 28-metre-high embankment above the river, failed.")).toEqual({
      conflict: [],
      agree: [],
    });
    expect(numbers("AEMET recorded 180mm of rain in 12 hours.", "More than 7 inches of rain fell in 12 hours.")).toEqual({ conflict: [], agree: [] });
  });

  // Both passages published on one day; a date conflict as "its label/the other's label".
  const pairDetail = (a: string, b: string, publishedAt: Date) =>
    measurePair(analyzePassage({ text: a, publishedAt }), analyzePassage({ text: b, publishedAt })).detail;
  const dateConflicts = (a: string, b: string, publishedAt: Date) => pairDetail(a, b, publishedAt).datesConflict.map((c) => `${c.a.label}/${c.b.label}`);

  it("reads the day a statement was made a day off the event's as no disputed day, but a week off as another event", () => {
    const conflicts = (a: string, b: string) => dateConflicts(a, b, new Date("2025-10-16T08:00:00Z"));
    const died = "At least seven people died when the embankment gave way early on Tuesday.";
    expect(conflicts("Seven people were killed, the regional government said on Wednesday.", died)).toEqual([]);
    expect(conflicts(died, "Seven people were killed, the regional government said on Wednesday.")).toEqual([]);
    expect(conflicts("Seven people were killed on Wednesday, the regional government said.", died)).toEqual(["on Wednesday,/on Tuesday"]);
    expect(conflicts("Seven people were killed, the regional government said on September 3.", died)).toHaveLength(1);
  });

  it("reads a year or a month both passages name as the same date", () => {
    const detail = (a: string, b: string) => pairDetail(a, b, new Date("2025-10-16T08:00:00Z"));
    const built = "The dam, built in 1962, was inspected in September.";
    for (const other of ["The dam was inspected last month.", "The earthen dam was built in 1962."]) {
      expect(detail(built, other).datesConflict, other).toEqual([]);
      expect(detail(other, built).datesConflict, other).toEqual([]);
    }
    expect(detail(built, "The earthen dam was built in 1962.").datesSame).toEqual(["1962"]);
    expect(detail(built, "The dam was inspected in March.").datesConflict.map((c) => `${c.a.label}/${c.b.label}`)).toEqual(["September/March"]);
    // The bare year is background to the inspection, also against a day of another year.
    expect(detail(built, "The dam passed a full inspection in September, the operator said at 10:15 p.m. on Monday.").datesConflict).toEqual([]);
    const failed = "Seven people were killed on Tuesday when the dam failed.";
    expect(detail("The failure on Tuesday killed seven people, two years after the 2023 flood.", failed).datesConflict).toEqual([]);
    expect(detail(failed, "The failure on Tuesday killed seven people, two years after the 2023 flood.").datesConflict).toEqual([]);
  });

  it("reads a second date beside a shared one as a second moment, not a disputed day, from either side", () => {
    const dates = (a: string, b: string) => dateConflicts(a, b, new Date("2025-03-14T08:00:00Z"));
    const collapse = "Twelve miners died when a tunnel collapsed on Thursday.";
    const search = "Rescuers on Friday were still searching the mine where a tunnel collapsed on Thursday.";
    expect(dates(search, collapse)).toEqual([]);
    expect(dates(collapse, search)).toEqual([]);
    // A day for the collapse that the other passage does not share is still disputed.
    expect(dates("Rescuers on Friday were still searching the mine where a tunnel collapsed on Wednesday.", collapse)).toHaveLength(2);
  });
});
