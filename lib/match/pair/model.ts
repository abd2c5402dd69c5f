// The pair model: one function, scorePassages, that the matcher, the claims API and every
// evaluation command call. Its weights are data (pair-weights.json), fitted by `npm run fit -- pairs`.
import { readFileSync } from "node:fs";
import path from "node:path";
import { analyzePassage, type Analysis, type EventDate, type Passage } from "./analyze";
import { DENSE_FEATURES, EVENT_GAP_DAYS, describeNumbers, measurePair, type PairMeasure } from "./features";
import { DIMS, modelDir } from "./vectors";
import { formatNumber, type NumberMention } from "../numbers";

export const RELATIONS = ["supports", "contradicts", "none"] as const;
export type Relation = (typeof RELATIONS)[number];
// coverage: how much of a's content b covers (idf-weighted word similarity), 0..1.
export type PairResult = {
  relation: Relation;
  score: number;
  probs: Record<Relation, number>;
  coverage: number;
  reasons: string[];
  // A support between reports of different events (eventsApart): at most background both share,
  // so it does not corroborate a claim until a reviewer confirms it (decision 038).
  background?: boolean;
};

// One small network: softmax regression (hidden = 0) or one tanh layer, over the pair's input.
export type NetWeights = {
  dense: string[];
  mean: number[];
  std: number[];
  vocabA: string[];
  vocabB: string[];
  hidden: number; // 0: softmax regression; otherwise one tanh layer of this width
  // Layer 1 maps the input (dense, vocabA, vocabB, meanA, meanB) to `hidden` units, or to the classes.
  w1: number[][]; // [inputs][units]
  b1: number[];
  w2: number[][]; // [hidden][classes], empty when hidden = 0
  b2: number[];
};

// The shipped model: a gate that tells related passages from ones that merely share words, and
// the relation network that reads related pairs as supports, contradicts or neither.
// The gate only answers "unrelated" past gateCut, a probability fitted so that it lets through nearly
// every related pair of the validation data: a missed link costs more than a reviewer's glance.
// disputes: whether a pair read as one statement that differs in a number or a date within a
// week is a contradiction (the issue's definition of a dispute about one event).
// The fit keeps it on only if it does not lower the validation figure.
// hedges: whether a pair read as support becomes `none` when only one passage is a hedged report
// ("reportedly", "claims": decision 034). Kept on by the same validation check.
// contradictCut: a contradiction that cannot be located (no number, date, polarity or antonym differs) is
// suggested only at this probability or above: fitted so that such answers were right at least
// CONTRADICT_PRECISION of the time on the validation data.
export type PairWeights = {
  version: 2;
  gate: NetWeights;
  gateCut: number;
  relation: NetWeights;
  disputes: boolean;
  hedges?: boolean;
  contradictCut: number;
  fitted: Record<string, unknown>;
};

export function inputSize(w: Pick<NetWeights, "dense" | "vocabA" | "vocabB">): number {
  return w.dense.length + w.vocabA.length + w.vocabB.length + 2 * DIMS;
}

/** The model's input for one pair: dense values (standardised) and the indices of the words present. */
/** sums: the first layer's sums, once computed (PairModel.probs), for occlusion to reuse. */
export type Encoded = { dense: Float32Array; sparse: number[]; sums?: number[] };

export class PairModel {
  readonly gate: Net;
  readonly relation: Net;
  constructor(readonly w: PairWeights) {
    this.gate = new Net(w.gate);
    this.relation = new Net(w.relation);
  }

  /** Probability that the two passages are unrelated, by the gate. */
  unrelated(m: PairMeasure): number {
    return softmax(this.gate.logits(this.gate.encode(m)))[1];
  }

  /** Probabilities of supports, contradicts, none, for a pair the gate let through. */
  probs(m: PairMeasure): { p: number[]; x: Encoded } {
    const x = this.relation.encode(m);
    x.sums = this.relation.layer1(x);
    return { p: softmax(this.relation.output(x.sums)), x };
  }
}

export class Net {
  readonly indexA: Map<string, number>;
  readonly indexB: Map<string, number>;
  // indexA's one-sided words ("~word") by the bare lemma, so encoding builds no string per pair.
  readonly indexLeftover: Map<string, number>;
  readonly flat: Float64Array; // w1 row by row, for speed
  constructor(readonly w: NetWeights) {
    if (w.dense.join() !== DENSE_FEATURES.join()) throw new Error("pair-weights.json was fitted on other features: run npm run fit -- pairs");
    this.flat = Float64Array.from(w.w1.flat());
    const d = w.dense.length;
    this.indexA = new Map(w.vocabA.map((x, i) => [x, d + i]));
    this.indexB = new Map(w.vocabB.map((x, i) => [x, d + w.vocabA.length + i]));
    this.indexLeftover = new Map([...this.indexA].filter(([x]) => x.startsWith("~")).map(([x, i]) => [x.slice(1), i]));
    if (this.indexLeftover.size !== this.indexA.size)
      throw new Error("pair-weights.json: vocabA holds words other than one-sided ones: run npm run fit -- pairs");
  }

  // One input buffer per network, reused pair after pair: logits() reads it before the next encode.
  private scratch: Float32Array | null = null;

  encode(m: PairMeasure): Encoded {
    const w = this.w;
    const d = w.dense.length;
    const dense = (this.scratch ??= new Float32Array(d + 2 * DIMS));
    for (let k = 0; k < d; k++) dense[k] = (m.dense[k] - w.mean[k]) / (w.std[k] || 1);
    dense.set(m.meanA, d);
    dense.set(m.meanB, d + DIMS);
    const sparse: number[] = [];
    for (const x of m.leftover) {
      const i = this.indexLeftover.get(x);
      if (i !== undefined) sparse.push(i);
    }
    for (const x of m.wordsB) {
      const i = this.indexB.get(x);
      if (i !== undefined) sparse.push(i);
    }
    return { dense, sparse };
  }

  /** The vocabulary word behind a sparse input. */
  wordAt(i: number): string {
    const d = this.w.dense.length,
      na = this.w.vocabA.length;
    return i < d + na ? this.w.vocabA[i - d] : this.w.vocabB[i - d - na];
  }

  /** Row of w1 for dense position k (the dense block is followed by the two vocabularies, then the vectors). */
  denseRow(k: number): number {
    const d = this.w.dense.length;
    return k < d ? k : k + this.w.vocabA.length + this.w.vocabB.length;
  }

  logits(x: Encoded): number[] {
    return this.output(this.layer1(x));
  }

  /** The first layer's sums: the hidden units before tanh, or the logits of softmax regression. */
  layer1(x: Encoded): number[] {
    const units = this.w.b1.length;
    const h = this.w.b1.slice();
    const flat = this.flat;
    for (let k = 0; k < x.dense.length; k++) {
      const v = x.dense[k];
      if (v === 0) continue;
      const r = this.denseRow(k) * units;
      for (let u = 0; u < units; u++) h[u] += v * flat[r + u];
    }
    for (const i of x.sparse) {
      const r = i * units;
      for (let u = 0; u < units; u++) h[u] += flat[r + u];
    }
    return h;
  }

  output(h: number[]): number[] {
    const { w } = this;
    if (!w.hidden) return h;
    const out = w.b2.slice();
    for (let u = 0; u < h.length; u++) {
      const t = Math.tanh(h[u]);
      for (let c = 0; c < out.length; c++) out[c] += t * w.w2[u][c];
    }
    return out;
  }

  /**
   * For each word input of x, how much the probability of class c falls when that word is left
   * out, the rest unchanged: the words that tipped the answer, for a network of any shape.
   */
  occlusion(x: Encoded, c: number): { i: number; drop: number }[] {
    const h = x.sums ?? this.layer1(x);
    const p = softmax(this.output(h))[c];
    const units = h.length;
    const without = new Array<number>(units);
    // encode() lists each word once: its one-sided words are a set.
    return x.sparse.map((i) => {
      for (let u = 0; u < units; u++) without[u] = h[u] - this.flat[i * units + u];
      return { i, drop: p - softmax(this.output(without))[c] };
    });
  }
}

export function softmax(z: number[]): number[] {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((x, y) => x + y, 0);
  return e.map((v) => v / s);
}

let shipped: PairModel | null = null;
export function loadPairModel(file = path.join(modelDir(), "pair-weights.json")): PairModel {
  // The weights are read from the checkout at run time (`next start`, not a standalone bundle):
  // nothing for the build's file tracer to follow, which otherwise traced the whole project.
  if (!shipped) shipped = new PairModel(JSON.parse(readFileSync(/* turbopackIgnore: true */ file, "utf8")) as PairWeights);
  return shipped;
}

const round = (x: number) => Math.round(x * 100) / 100;
// A word is named as a cue when leaving it out lowers the answer's probability by this much: a
// threshold for what a reviewer is shown, not a model weight.
const CUE_SHOWN = 0.05;

/** Passages about events more than EVENT_GAP_DAYS apart, or one dated after the other was published. */
export function differentEvents(a: Analysis, b: Analysis, m: PairMeasure): string | null {
  // Only dates known to the month say when an event happened; a bare year ("founded in 1962") is
  // a fact about the subject, and a different year is a dispute the model weighs.
  const dated = (d: { y: number | null; m: number | null }) => d.y !== null && d.m !== null;
  const far = m.detail.datesConflict.find((c) => c.gapDays > EVENT_GAP_DAYS && dated(c.a) && dated(c.b));
  if (far) return `different events: ${far.a.label} vs ${far.b.label}`;
  const after = (x: Analysis, y: Analysis) => {
    if (!y.publishedAt || !x.dates.length) return false;
    const limit = y.publishedAt.getTime() + 86_400_000;
    return x.dates.every((d) => d.y !== null && d.m !== null && d.d !== null && Date.UTC(d.y, d.m - 1, d.d) > limit);
  };
  if (after(a, b) || after(b, a)) return "different events: one is dated after the other was published";
  return null;
}

/**
 * Reports of events more than a week apart, for a pair in which a passage names no date of its own
 * known to the month: such a passage stands for the dates its article names ("More than 40
 * firefighters fought the blaze" in a report of a fire on 17 September). Not a reason to drop a
 * support (reports of different events share their background: a standing threat, a force
 * deployed), but a dispute is only a contradiction about one event, and these two are not known to
 * be one. An article that also names a date near the other's keeps the pair open. A bare year
 * ("the plant, which opened in 1998") does not say which event a sentence reports.
 */
export function reportsApart(a: Analysis, b: Analysis): string | null {
  const apart = eventsApart(a, b);
  return apart && `reports of different events: dated ${apart}, so a difference is no dispute`;
}

/** "17 September 2024 and 11 March 2025": the nearest dates of two reports apart (reportsApart), or null. */
function eventsApart(a: Analysis, b: Analysis): string | null {
  const dated = (d: EventDate) => d.y !== null && d.m !== null;
  const own = (x: Analysis) => x.dates.filter(dated);
  if (own(a).length && own(b).length) return null;
  const when = (x: Analysis) => (own(x).length ? own(x) : x.articleDates.filter(dated));
  const ea = when(a),
    eb = when(b);
  if (!ea.length || !eb.length) return null;
  let nearest: { gap: number; x: EventDate; y: EventDate } | null = null;
  for (const x of ea)
    for (const y of eb) {
      const gap = daysBetween(x, y);
      if (gap <= EVENT_GAP_DAYS) return null;
      if (!nearest || gap < nearest.gap) nearest = { gap, x, y };
    }
  return `${dayLabel(nearest!.x)} and ${dayLabel(nearest!.y)}`;
}

/** Days between two dates known at least to the month, each taken as its span (a month, or a day): 0 when they overlap. */
function daysBetween(x: EventDate, y: EventDate): number {
  const span = (d: EventDate): [number, number] =>
    d.d !== null ? [Date.UTC(d.y!, d.m! - 1, d.d), Date.UTC(d.y!, d.m! - 1, d.d)] : [Date.UTC(d.y!, d.m! - 1, 1), Date.UTC(d.y!, d.m!, 0)];
  const [xs, xe] = span(x),
    [ys, ye] = span(y);
  return Math.max(0, Math.max(xs, ys) - Math.min(xe, ye)) / 86_400_000;
}

const BOUND = { exact: "", min: "at least ", max: "at most ", about: "about " } as const;
const withBound = (n: NumberMention) => `${BOUND[n.approx]}${formatNumber(n)}`;

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
/** "17 September 2024", "September 2024": a resolved date, not the words the report used ("on Tuesday"). */
function dayLabel(d: EventDate): string {
  return [d.d, d.m !== null ? MONTHS[d.m - 1] : null, d.y].filter((x) => x !== null).join(" ");
}

function reasonsFor(model: Net, m: PairMeasure, relation: Relation, x: Encoded): string[] {
  const d = m.detail;
  const out: string[] = [];
  if (relation === "contradicts") {
    if (d.numbersConflict.length) out.push(`numbers differ: ${describeNumbers(d.numbersConflict)}`);
    for (const c of d.datesConflict) out.push(`dates differ: ${c.a.label} vs ${c.b.label}`);
    if (!!d.negA.length !== !!d.negB.length) out.push(`negated in one passage only: '${[...d.negA, ...d.negB][0]}'`);
    if (d.antonyms.length) out.push(`opposite words: ${d.antonyms.map(([p, q]) => `${p} vs ${q}`).join(", ")}`);
    if (d.namesOnlyA.length && d.namesOnlyB.length) out.push(`different names: ${d.namesOnlyA[0]} vs ${d.namesOnlyB[0]}`);
    if (d.swaps.length)
      out.push(
        `different words: ${d.swaps
          .slice(0, 3)
          .map(([p, q]) => `${p} vs ${q}`)
          .join(", ")}`,
      );
  }
  // The one-sided words without which the model would be least sure of its answer, so a reviewer
  // sees what tipped it ("cue words: denies"): each must carry at least CUE_SHOWN of its probability.
  const cues = model
    .occlusion(x, RELATIONS.indexOf(relation))
    .filter((q) => q.drop >= CUE_SHOWN)
    .sort((p, q) => q.drop - p.drop || p.i - q.i)
    .slice(0, 3)
    .map((q) => model.wordAt(q.i).replace(/^~/, ""));
  if (cues.length) out.push(`cue words: ${cues.join(", ")}`);
  if (d.datesSame.length) out.push(`same date: ${d.datesSame.join(", ")}`);
  // "At least 12" and "15" agree without being the same number: say so rather than "same numbers".
  const equal = d.numbersAgree.filter(([p, q]) => p.value === q.value),
    bounded = d.numbersAgree.filter(([p, q]) => p.value !== q.value);
  if (equal.length) out.push(`same numbers: ${equal.map(([p]) => p.text).join(", ")}`);
  if (d.numbersBounds.length) out.push(`different counts, both bounds: ${d.numbersBounds.map(([p, q]) => `${withBound(p)} and ${withBound(q)}`).join(", ")}`);
  if (bounded.length) out.push(`numbers that agree: ${bounded.map(([p, q]) => `${withBound(p)} and ${withBound(q)}`).join(", ")}`);
  if (d.namesShared.length) out.push(`shared names: ${d.namesShared.join(", ")}`);
  if (d.shared.length) out.push(`shared words: ${d.shared.slice(0, 10).join(", ")}`);
  return out;
}

/**
 * One statement told two ways that disagree on a number of the same quantity, on a date within a
 * week, or by a pair of antonyms at equal polarity ("found guilty" / "found innocent": word vectors
 * put antonyms together, so the model alone reads them as one statement). Polarity is left to the
 * model: a negator on one side only is as often a different clause.
 */
export function disputed(m: PairMeasure): boolean {
  const d = m.detail;
  // "not guilty" against "innocent" is one statement: antonyms dispute only at equal polarity.
  const opposite = d.antonyms.length > 0 && !d.negA.length === !d.negB.length;
  return d.numbersConflict.length > 0 || d.datesConflict.some((c) => c.gapDays <= EVENT_GAP_DAYS) || opposite;
}

/** The passages differ in a number of one quantity, a date within a week, polarity, or by a pair of antonyms. */
export function located(m: PairMeasure): boolean {
  return disputed(m) || !!m.detail.negA.length !== !!m.detail.negB.length || m.detail.antonyms.length > 0;
}

/**
 * One passage restates the other negated or denied: its negator or denial ("not", "denied") is on
 * one side only, and every content word of the negated side is a word of the other ("Phiri denied
 * that the ferry had been overloaded" against "Transport Minister Lazarus Phiri said the ferry had
 * been overloaded"). Returns the negating word. Measured on all of pairs-dev (decision 037): 126 of
 * the 134 pairs it picks out are labelled contradicts.
 */
export function negatedRestatement(a: Analysis, b: Analysis): string | null {
  const polarity = (x: Analysis) => x.negations[0] ?? x.toks.find((t) => t.lemma === DENY)?.word ?? null;
  const na = polarity(a),
    nb = polarity(b);
  if (!na === !nb) return null;
  const [neg, pos, word] = na ? [a, b, na] : [b, a, nb!];
  const said = neg.content.filter((i) => neg.toks[i].lemma !== DENY);
  return said.length >= 2 && said.every((i) => pos.lemmaSet.has(neg.toks[i].lemma)) ? word : null;
}
// The verb that negates what it reports: "X denied that P" says what "X said that not P" says.
const DENY = "deny";

/** The first reportive hedge of a passage whose counterpart has none: "reportedly" against a plain statement. */
export function hedgedOnce(a: Analysis, b: Analysis): string | null {
  if (!a.hedges.length === !b.hedges.length) return null;
  return a.hedges[0] ?? b.hedges[0];
}

/** Scores two analysed passages. */
export function scoreAnalyses(a: Analysis, b: Analysis, model = loadPairModel()): PairResult {
  const m = measurePair(a, b);
  const coverage = m.coverage;
  // Most pairs matching meets end before the relation network (no words, other events, the gate):
  // their probabilities are worked out only when read (the stance evaluation reads them).
  let later: PairResult["probs"] | undefined;
  const early = (score: number, reason: string): PairResult => ({
    relation: "none",
    score,
    get probs() {
      if (!later) {
        const { p } = model.probs(m);
        later = { supports: p[0], contradicts: p[1], none: p[2] };
      }
      return later;
    },
    coverage,
    reasons: [reason],
  });
  // A passage of no content words (a lone letter, a dateline, punctuation) states nothing to compare.
  if (!a.content.length || !b.content.length) return early(1, "nothing to compare: a passage has no words that state something");
  const event = differentEvents(a, b, m);
  if (event) return early(1, event);
  const unrelated = model.unrelated(m);
  if (unrelated >= model.w.gateCut) return early(round(unrelated), "unrelated: the passages share words but not a statement");
  const { p, x } = model.probs(m);
  const probs = { supports: p[0], contradicts: p[1], none: p[2] };
  let k = p.indexOf(Math.max(...p));
  // A contradiction should show the reviewer where the passages differ: a number, a date,
  // polarity or a pair of antonyms. Without one, two related passages the model reads as opposed
  // are often two different statements about one story, and each suggested contradiction costs a
  // reviewer's attention and weighs against the claim's suggested verdict (decision 035), so only
  // a confident one is kept.
  if (k === 1 && !located(m) && p[1] < model.w.contradictCut) k = 2;
  // A restatement negated or denied is a dispute whatever the network read: it has seen few
  // sentences that differ by a "not" alone, and reads them as one statement.
  const negated = k !== 1 && model.w.disputes ? negatedRestatement(a, b) : null;
  const dispute = (k === 0 && model.w.disputes && disputed(m)) || !!negated;
  if (k === 1 || dispute) {
    const apart = reportsApart(a, b);
    if (apart) return { relation: "none", score: 1, probs, coverage, reasons: [apart] };
  }
  if (dispute) {
    const reasons = reasonsFor(model.relation, m, "contradicts", x);
    if (negated && !a.negations.length === !b.negations.length) reasons.unshift(`denied in one passage only: '${negated}'`);
    return { relation: "contradicts", score: round(p[0] + p[1]), probs, coverage, reasons };
  }
  // A hedged report is not support: "X reportedly resigned" passes a claim on, it does not confirm it.
  const hedge = k === 0 && model.w.hedges ? hedgedOnce(a, b) : null;
  if (hedge)
    return { relation: "none", score: round(1 - p[0]), probs, coverage, reasons: [`hedged in one passage only ('${hedge}'): a reported claim is not support`] };
  const relation = RELATIONS[k];
  // Nothing is stored for `none`, so its reasons are not worth their cost inside matching.
  if (relation === "none") return { relation, score: round(p[k]), probs, coverage, reasons: ["no statement in common"] };
  const reasons = reasonsFor(model.relation, m, relation, x);
  // Support across reports of different events stays (they share background: a standing threat, a
  // force deployed), but the reviewer is told first, because it may be the other event's own news.
  const apart = relation === "supports" ? eventsApart(a, b) : null;
  if (!apart) return { relation, score: round(p[k]), probs, coverage, reasons };
  reasons.unshift(`reports of different events (dated ${apart}): support only if this is background both share`);
  return { relation, score: round(p[k]), probs, coverage, reasons, background: true };
}

/**
 * The one pair function: does passage b support or contradict passage a, or neither? Each passage
 * carries its context (publication date, attribution). Score is the model's probability of the
 * answer, 0..1; reasons say what a reviewer should look at.
 */
export function scorePassages(a: Passage, b: Passage, model = loadPairModel()): PairResult {
  return scoreAnalyses(analyzePassage(a), analyzePassage(b), model);
}

/**
 * Loads what scoring needs (the weights, the word vectors, the tagger's model) and runs a few pairs
 * through analysis and the scorer, so that a worker that has just started matches its first article
 * at full speed instead of paying for loading and compiling inside the job. Returns the pairs run.
 */
export function warmPairModel(rounds = 30): number {
  const model = loadPairModel();
  const publishedAt = new Date(Date.UTC(2024, 0, 15));
  for (let i = 0; i < rounds; i++) {
    scorePassages(
      { text: `Officials said ${i + 2} people were hurt when the bridge collapsed on Monday.`, publishedAt },
      { text: `The bridge did not collapse, and nobody was hurt on 8 January, the mayor reportedly said.`, publishedAt, attribution: "the mayor" },
      model,
    );
  }
  return rounds;
}
