// Pair features: how two analysed passages line up. Everything here is measured, not judged; the
// learned model (model.ts) decides what the measurements mean, with weights fitted on public data.
import { numbersCompatible, sameQuantity, formatNumber, type NumberMention } from "../numbers";
import { compareEventDates, type Analysis, type EventDate } from "./analyze";
import { COSINE_SCALE, DIMS, addInto, vectorData } from "./vectors";

// A word counts as covered by the other passage from this similarity on: the cosine at which
// GloVe-style neighbours are inflections, synonyms or close paraphrases. The model sees the
// graded similarities too; this cut only decides which words are "left over" on each side.
export const COVERED = 0.6;

export type Alignment = {
  best: number[]; // per content token of this side, best similarity to the other side
  partner: number[]; // index of that best token on the other side, -1 when none
};

export type PairDetail = {
  shared: string[];
  onlyA: string[]; // lemmas of A the other side does not cover (stopwords included: "only", "may" are cues)
  onlyB: string[];
  numbersAgree: [NumberMention, NumberMention][];
  numbersConflict: [NumberMention, NumberMention][];
  datesSame: string[];
  datesConflict: { a: EventDate; b: EventDate; gapDays: number }[];
  namesShared: string[];
  namesOnlyA: string[];
  namesOnlyB: string[];
  negA: string[];
  negB: string[];
  swaps: [string, string][]; // a word of A whose closest word in B is related but different
};

// Measures taken from each passage's side come in as (larger, smaller), so the model reads a pair
// the same whichever passage is the claim: two outlets' sentences have no natural direction.
const SIDED = [
  "soft", "min", "uncovered", "exact", "len", "num", "num_unmatched", "dates", "names_cov", "names_only",
  "neg", "question", "uncovered_n", "gram1", "gram2", "gram3", "lcs", "swaps", "verb_soft", "noun_soft",
] as const;
const SHARED = [
  "centroid_cos", "len_ratio", "run", "soft_ab", "num_agree", "num_conflict", "date_same", "date_conflict_near",
  "date_conflict_far", "name_swap", "neg_xor", "neg_xor_soft", "swap_soft", "conflict_soft", "char_jaccard", "len_diff",
] as const;
export const DENSE_FEATURES: string[] = [...SIDED.flatMap((n) => [`${n}_max`, `${n}_min`]), ...SHARED];

// Both directions from one similarity matrix: each content word's best match on the other side.
// The hot loop of matching: plain loops over the vector table, no closures or calls per word pair.
function align(a: Analysis, b: Analysis): [Alignment, Alignment] {
  const ca = a.content, cb = b.content;
  const na = ca.length, nb = cb.length;
  const ab: Alignment = { best: new Array<number>(na).fill(0), partner: new Array<number>(na).fill(-1) };
  const ba: Alignment = { best: new Array<number>(nb).fill(0), partner: new Array<number>(nb).fill(-1) };
  const abBest = ab.best, abPartner = ab.partner, baBest = ba.best, baPartner = ba.partner;
  const data = vectorData();
  // Imported bindings may compile to getters; the loop reads plain locals.
  const dims = DIMS, scale = COSINE_SCALE;
  for (let k = 0; k < na; k++) {
    const i = ca[k];
    const t = a.toks[i];
    // Names and numbers are matched by identity: "Mali" and "Niger" are close in any vector space.
    const tIdentity = t.name || t.pos === "NUM";
    const tv = t.vec, ta = tv * dims;
    for (let l = 0; l < nb; l++) {
      const j = cb[l];
      const u = b.toks[j];
      let v: number;
      if (t.lemma === u.lemma || t.word === u.word) v = 1;
      else if (tIdentity || u.name || u.pos === "NUM" || tv < 0 || u.vec < 0) v = 0;
      else if (tv === u.vec) v = 1;
      else {
        let s = 0;
        const ub = u.vec * dims;
        for (let q = 0; q < dims; q++) s += data[ta + q] * data[ub + q];
        v = s / scale;
      }
      if (v > abBest[k]) { abBest[k] = v; abPartner[k] = j; }
      if (v > baBest[l]) { baBest[l] = v; baPartner[l] = i; }
    }
  }
  return [ab, ba];
}

// The idf-weighted shares of one side's content words that the other side covers, in one pass.
type SideSums = { soft: number; uncovered: number; exact: number; verb: number; noun: number; uncoveredN: number; min: number };
function sideSums(a: Analysis, al: Alignment): SideSums {
  let den = 0, soft = 0, uncovered = 0, exact = 0, verbNum = 0, verbDen = 0, nounNum = 0, nounDen = 0, uncoveredN = 0;
  let min = Infinity;
  const c = a.content;
  for (let k = 0; k < c.length; k++) {
    const t = a.toks[c[k]];
    const v = al.best[k], w = t.idf;
    den += w;
    soft += w * v;
    if (v < 0.5) { uncovered += w; uncoveredN++; }
    if (v >= 0.999) exact += w;
    if (t.pos === "VERB") { verbNum += w * v; verbDen += w; }
    else if (t.pos === "NOUN") { nounNum += w * v; nounDen += w; }
    if (v < min) min = v;
  }
  // A side without such words has nothing left uncovered.
  return {
    soft: den ? soft / den : 0, uncovered: den ? uncovered / den : 0, exact: den ? exact / den : 0,
    verb: verbDen ? verbNum / verbDen : 1, noun: nounDen ? nounNum / nounDen : 1, uncoveredN, min: c.length ? min : 0,
  };
}

function longestRun(a: string[], b: string[]): number {
  let best = 0;
  const prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = a[i - 1] === b[j - 1] ? diag + 1 : 0;
      if (prev[j] > best) best = prev[j];
      diag = tmp;
    }
  }
  return best;
}

function shared(x: Set<string>, y: Set<string>): number {
  let n = 0;
  for (const g of x) if (y.has(g)) n++;
  return n;
}

// Longest common subsequence of two word sequences (not necessarily contiguous).
function lcs(a: string[], b: string[]): number {
  const prev = new Array<number>(b.length + 1).fill(0), cur = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    for (let j = 0; j <= b.length; j++) prev[j] = cur[j];
  }
  return prev[b.length];
}

// Surface overlap at several grains, as seen from each side: the share of its word 1-, 2- and
// 3-grams found in the other, the character-trigram Jaccard, and its share in the longest common
// subsequence. The shared counts are symmetric, so each is taken once.
function surface(a: Analysis, b: Analysis): [{ grams: number[]; chars: number; lcs: number }, { grams: number[]; chars: number; lcs: number }] {
  const k = [0, 1, 2].map((n) => shared(a.grams[n], b.grams[n]));
  const kc = shared(a.chars, b.chars);
  const chars = kc / Math.max(1, a.chars.size + b.chars.size - kc);
  const l = lcs(a.lemmas, b.lemmas);
  const side = (x: Analysis) => ({ grams: [0, 1, 2].map((n) => (x.grams[n].size ? k[n] / x.grams[n].size : 0)), chars, lcs: x.lemmas.length ? l / x.lemmas.length : 0 });
  return [side(a), side(b)];
}

function leftovers(a: Analysis, b: Analysis, al: Alignment): string[] {
  const other = b.lemmaSet;
  const covered = new Set(a.content.filter((_, k) => al.best[k] >= COVERED));
  const out = new Set<string>();
  a.toks.forEach((t, i) => {
    if (t.name || t.pos === "NUM" || covered.has(i) || other.has(t.lemma)) return;
    out.add(t.lemma);
  });
  return [...out];
}

function nameMatch(x: string, ys: string[]): boolean {
  // "Putin" matches "Vladimir Putin": one run's words contain the other's.
  const xs = x.split(" ");
  return ys.some((y) => {
    const w = y.split(" ");
    return xs.every((p) => w.includes(p)) || w.every((p) => xs.includes(p));
  });
}

export const EVENT_GAP_DAYS = 7;

// Words as the model's sparse inputs: "~word" for a word of one passage that the other does not
// cover, so the model can learn cue words (hedges, negators, quantifiers) where the passages differ.
// Words both passages use say nothing about their relation: "said" on both sides is no hedge.
export type PairMeasure = { coverage: number; dense: number[]; wordsA: string[]; wordsB: string[]; meanA: Float32Array; meanB: Float32Array; detail: PairDetail };

function oneSided(only: string[]): string[] {
  return only.map((w) => `~${w}`);
}

export function measurePair(a: Analysis, b: Analysis): PairMeasure {
  const [ab, ba] = align(a, b);
  const sa = sideSums(a, ab), sb = sideSums(b, ba);
  const softA = sa.soft, softB = sb.soft;
  const la = a.content.length, lb = b.content.length;

  const numbersAgree: [NumberMention, NumberMention][] = [], numbersConflict: [NumberMention, NumberMention][] = [];
  let unmatchedA = 0;
  for (const x of a.numbers) {
    const same = b.numbers.filter((y) => sameQuantity(x, y));
    if (!same.length) {
      if (!b.numbers.some((y) => numbersCompatible(x, y))) unmatchedA++;
      continue;
    }
    const ok = same.find((y) => numbersCompatible(x, y));
    if (ok) numbersAgree.push([x, ok]);
    else numbersConflict.push([x, same[0]]);
  }
  const unmatchedB = b.numbers.filter((y) => !a.numbers.some((x) => numbersCompatible(x, y))).length;

  const datesSame: string[] = [];
  const datesConflict: PairDetail["datesConflict"] = [];
  for (const x of a.dates) {
    const rel = b.dates.map((y) => ({ y, r: compareEventDates(x, y) }));
    if (rel.some((q) => q.r.kind === "same")) datesSame.push(x.label);
    else {
      const d = rel.find((q) => q.r.kind === "differ");
      if (d && !rel.some((q) => q.r.kind === "compatible")) datesConflict.push({ a: x, b: d.y, gapDays: d.r.gapDays });
    }
  }
  const near = datesConflict.filter((c) => c.gapDays <= EVENT_GAP_DAYS).length;
  const far = datesConflict.length - near;

  const inB = a.names.map((x) => nameMatch(x, b.names)), inA = b.names.map((y) => nameMatch(y, a.names));
  const namesShared = a.names.filter((_, i) => inB[i]);
  const namesOnlyA = a.names.filter((_, i) => !inB[i]);
  const namesOnlyB = b.names.filter((_, i) => !inA[i]);

  const swapsOf = (x: Analysis, y: Analysis, al: Alignment) => {
    const out: [string, string][] = [];
    x.content.forEach((i, k) => {
      const t = x.toks[i];
      const v = al.best[k];
      if (t.name || t.pos === "NUM" || v >= 0.999 || v < 0.45 || al.partner[k] < 0) return;
      const u = y.toks[al.partner[k]];
      if (u.pos === t.pos && v < 0.85) out.push([t.word, u.word]);
    });
    return out;
  };
  const swaps = swapsOf(a, b, ab), swapsB = swapsOf(b, a, ba);

  const negXor = (a.negations.length > 0) !== (b.negations.length > 0) ? 1 : 0;
  const conflict = Math.min(1, numbersConflict.length + near);
  const onlyA = leftovers(a, b, ab), onlyB = leftovers(b, a, ba);
  const [ga, gb] = surface(a, b);
  const softMean = (softA + softB) / 2;
  const sided: Record<(typeof SIDED)[number], [number, number]> = {
    soft: [softA, softB],
    min: [sa.min, sb.min],
    uncovered: [sa.uncovered, sb.uncovered],
    exact: [sa.exact, sb.exact],
    len: [Math.log1p(la), Math.log1p(lb)],
    num: [a.numbers.length ? 1 : 0, b.numbers.length ? 1 : 0],
    num_unmatched: [Math.min(unmatchedA, 3) / 3, Math.min(unmatchedB, 3) / 3],
    dates: [a.dates.length ? 1 : 0, b.dates.length ? 1 : 0],
    names_cov: [a.names.length ? namesShared.length / a.names.length : 0, b.names.length ? (b.names.length - namesOnlyB.length) / b.names.length : 0],
    names_only: [Math.min(namesOnlyA.length, 3) / 3, Math.min(namesOnlyB.length, 3) / 3],
    neg: [a.negations.length ? 1 : 0, b.negations.length ? 1 : 0],
    question: [a.question ? 1 : 0, b.question ? 1 : 0],
    uncovered_n: [Math.log1p(sa.uncoveredN), Math.log1p(sb.uncoveredN)],
    gram1: [ga.grams[0], gb.grams[0]],
    gram2: [ga.grams[1], gb.grams[1]],
    gram3: [ga.grams[2], gb.grams[2]],
    lcs: [ga.lcs, gb.lcs],
    swaps: [Math.min(swaps.length, 3) / 3, Math.min(swapsB.length, 3) / 3],
    // What happened and to what: a shared place and day do not make "jets crashed" "mercenaries were captured".
    verb_soft: [sa.verb, sb.verb],
    noun_soft: [sa.noun, sb.noun],
  };
  const common: Record<(typeof SHARED)[number], number> = {
    centroid_cos: dot(a.centroid, b.centroid),
    len_ratio: Math.min(la, lb) / Math.max(1, la, lb),
    run: longestRun(a.lemmas, b.lemmas) / Math.max(1, Math.min(a.toks.length, b.toks.length)),
    soft_ab: softA * softB,
    num_agree: numbersAgree.length ? 1 : 0,
    num_conflict: numbersConflict.length ? 1 : 0,
    date_same: datesSame.length ? 1 : 0,
    date_conflict_near: near ? 1 : 0,
    date_conflict_far: far ? 1 : 0,
    name_swap: namesOnlyA.length && namesOnlyB.length ? 1 : 0,
    neg_xor: negXor,
    neg_xor_soft: negXor * softMean,
    swap_soft: (swaps.length || swapsB.length ? 1 : 0) * softMean,
    conflict_soft: conflict * softMean,
    char_jaccard: ga.chars,
    len_diff: Math.log1p(Math.abs(a.lemmas.length - b.lemmas.length)),
  };
  const dense = [...SIDED.flatMap((n) => [Math.max(...sided[n]), Math.min(...sided[n])]), ...SHARED.map((n) => common[n])];
  // Leftover words of both sides as one bag, and their vectors as the mean of the two sides'
  // leftovers and the size of their difference: symmetric, like everything the model reads.
  const va = meanOf(a, onlyA), vb = meanOf(b, onlyB);
  for (let k = 0, dims = DIMS; k < dims; k++) {
    const x = va[k], y = vb[k];
    va[k] = (x + y) / 2;
    vb[k] = Math.abs(x - y);
  }
  const meanA = va, meanB = vb;
  return {
    coverage: softA, dense, wordsA: oneSided([...new Set([...onlyA, ...onlyB])]), wordsB: [], meanA, meanB,
    detail: {
      // Rarest first: the words that pick out the statement, not "said" or "Tuesday". Only reasons
      // read it, and most pairs get none, so it is worked out when asked for.
      get shared() {
        return a.content.filter((_, k) => ab.best[k] >= 0.999).map((i) => a.toks[i]).sort((x, y) => y.idf - x.idf).map((t) => t.word).filter((w, i, xs) => xs.indexOf(w) === i);
      },
      onlyA, onlyB, numbersAgree, numbersConflict, datesSame, datesConflict, namesShared, namesOnlyA, namesOnlyB,
      negA: a.negations, negB: b.negations, swaps,
    },
  };
}

function meanOf(a: Analysis, only: string[]): Float32Array {
  const acc = new Float32Array(DIMS);
  const keep = new Set(only);
  let n = 0;
  a.toks.forEach((t) => {
    if (t.vec >= 0 && keep.has(t.lemma)) { addInto(acc, t.vec); n++; }
  });
  if (n) for (let k = 0, dims = DIMS; k < dims; k++) acc[k] /= n;
  return acc;
}

function dot(x: Float32Array, y: Float32Array): number {
  let s = 0;
  for (let k = 0; k < x.length; k++) s += x[k] * y[k];
  return s;
}

export function describeNumbers(pairs: [NumberMention, NumberMention][]): string {
  return pairs.map(([x, y]) => `${formatNumber(x)} vs ${formatNumber(y)}`).join(", ");
}
