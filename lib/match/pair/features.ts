// Pair features: how two analysed passages line up. Everything here is measured, not judged; the
// learned model (model.ts) decides what the measurements mean, with weights fitted on public data.
import { measureUnit, numbersCompatible, sameQuantity, formatNumber, type NumberMention } from "../numbers";
import { EVENT_GAP_DAYS, compareEventDates, type Analysis, type EventDate } from "./analyze";
import { COSINE_SCALE, DIMS, vectorData } from "./vectors";
import { sharedCount } from "../hash";
import { stem } from "../text";

// A word counts as covered by the other passage from this similarity on: the cosine at which
// GloVe-style neighbours are inflections, synonyms or close paraphrases. The model sees the
// graded similarities too; this cut only decides which words are "left over" on each side.
export const COVERED = 0.6;

export type Alignment = {
  best: Float64Array; // per content token of this side, best similarity to the other side
  partner: Int32Array; // index of that best token on the other side, -1 when none
};

export type PairDetail = {
  shared: string[];
  onlyA: string[]; // lemmas of A the other side does not cover (stopwords included: "only", "may" are cues)
  onlyB: string[];
  numbersAgree: [NumberMention, NumberMention][];
  numbersConflict: [NumberMention, NumberMention][];
  numbersBounds: [NumberMention, NumberMention][]; // two lower (or upper) bounds of one quantity, different values
  datesSame: string[];
  datesConflict: { a: EventDate; b: EventDate; gapDays: number }[];
  namesShared: string[];
  namesOnlyA: string[];
  namesOnlyB: string[];
  negA: string[];
  negB: string[];
  swaps: [string, string][]; // a word of A whose closest word in B is related but different
  antonyms: [string, string][]; // a word of A only and its antonym, a word of B only ("rose" / "fell")
};

// Measures taken from each passage's side come in as (larger, smaller), so the model reads a pair
// the same whichever passage is the claim: two outlets' sentences have no natural direction.
const SIDED = [
  "soft",
  "min",
  "uncovered",
  "exact",
  "len",
  "num",
  "num_unmatched",
  "dates",
  "names_cov",
  "names_only",
  "neg",
  "question",
  "uncovered_n",
  "gram1",
  "gram2",
  "gram3",
  "lcs",
  "swaps",
  "verb_soft",
  "noun_soft",
] as const;
const SHARED = [
  "centroid_cos",
  "len_ratio",
  "run",
  "soft_ab",
  "num_agree",
  "num_conflict",
  "date_same",
  "date_conflict_near",
  "date_conflict_far",
  "name_swap",
  "neg_xor",
  "neg_xor_soft",
  "swap_soft",
  "conflict_soft",
  "char_jaccard",
  "len_diff",
] as const;
export const DENSE_FEATURES: string[] = [...SIDED.flatMap((n) => [`${n}_max`, `${n}_min`]), ...SHARED];

// Both directions from one similarity matrix: each content word's best match on the other side.
// The hot loop of matching: plain loops over each passage's packed content words (analyze.ts),
// no closures, calls or string comparisons per word pair.
function align(a: Analysis, b: Analysis): [Alignment, Alignment] {
  const na = a.content.length,
    nb = b.content.length;
  const ab: Alignment = { best: new Float64Array(na), partner: new Int32Array(na).fill(-1) };
  const ba: Alignment = { best: new Float64Array(nb), partner: new Int32Array(nb).fill(-1) };
  const abBest = ab.best,
    abPartner = ab.partner,
    baBest = ba.best,
    baPartner = ba.partner;
  const aLemma = a.cLemma,
    aWord = a.cWord,
    aVec = a.cVec,
    aIdentity = a.cIdentity,
    aData = a.cData,
    ca = a.content;
  const bLemma = b.cLemma,
    bWord = b.cWord,
    bVec = b.cVec,
    bIdentity = b.cIdentity,
    bData = b.cData,
    cb = b.content;
  // Imported bindings may compile to getters; the loop reads plain locals.
  const dims = DIMS,
    scale = COSINE_SCALE;
  if (dims % 4) throw new Error("the alignment loop reads vectors four values at a time");
  for (let k = 0; k < na; k++) {
    const tl = aLemma[k],
      tw = aWord[k],
      tv = aVec[k],
      ta = k * dims;
    // Names and numbers are matched by identity: "Mali" and "Niger" are close in any vector space.
    const tNoVector = aIdentity[k] === 1 || tv < 0;
    for (let l = 0; l < nb; l++) {
      let v: number;
      if (tl === bLemma[l] || tw === bWord[l]) v = 1;
      else if (tNoVector || bIdentity[l] === 1 || bVec[l] < 0) v = 0;
      else if (tv === bVec[l]) v = 1;
      else {
        // Integer arithmetic (|0): exact, as the sum of 100 products of int8 stays far inside int32.
        let s0 = 0,
          s1 = 0,
          s2 = 0,
          s3 = 0;
        const ub = l * dims;
        for (let q = 0; q < dims; q += 4) {
          s0 = (s0 + aData[ta + q] * bData[ub + q]) | 0;
          s1 = (s1 + aData[ta + q + 1] * bData[ub + q + 1]) | 0;
          s2 = (s2 + aData[ta + q + 2] * bData[ub + q + 2]) | 0;
          s3 = (s3 + aData[ta + q + 3] * bData[ub + q + 3]) | 0;
        }
        v = (s0 + s1 + s2 + s3) / scale;
      }
      if (v > abBest[k]) {
        abBest[k] = v;
        abPartner[k] = cb[l];
      }
      if (v > baBest[l]) {
        baBest[l] = v;
        baPartner[l] = ca[k];
      }
    }
  }
  return [ab, ba];
}

// The idf-weighted shares of one side's content words that the other side covers, in one pass.
type SideSums = { soft: number; uncovered: number; exact: number; verb: number; noun: number; uncoveredN: number; min: number };
function sideSums(a: Analysis, al: Alignment): SideSums {
  let den = 0,
    soft = 0,
    uncovered = 0,
    exact = 0,
    verbNum = 0,
    verbDen = 0,
    nounNum = 0,
    nounDen = 0,
    uncoveredN = 0;
  let min = Infinity;
  const c = a.content;
  for (let k = 0; k < c.length; k++) {
    const t = a.toks[c[k]];
    const v = al.best[k],
      w = t.idf;
    den += w;
    soft += w * v;
    if (v < 0.5) {
      uncovered += w;
      uncoveredN++;
    }
    if (v >= 0.999) exact += w;
    if (t.pos === "VERB") {
      verbNum += w * v;
      verbDen += w;
    } else if (t.pos === "NOUN") {
      nounNum += w * v;
      nounDen += w;
    }
    if (v < min) min = v;
  }
  // A side without such words has nothing left uncovered.
  return {
    soft: den ? soft / den : 0,
    uncovered: den ? uncovered / den : 0,
    exact: den ? exact / den : 0,
    verb: verbDen ? verbNum / verbDen : 1,
    noun: nounDen ? nounNum / nounDen : 1,
    uncoveredN,
    min: c.length ? min : 0,
  };
}

// Scratch rows for the two dynamic programmes below, grown as needed: no allocation per pair.
let rowP = new Int32Array(64),
  rowC = new Int32Array(64);
function rows(n: number) {
  if (rowP.length < n) {
    rowP = new Int32Array(n * 2);
    rowC = new Int32Array(n * 2);
  }
}

// Longest common contiguous run of two (hashed) word sequences.
function longestRun(a: Float64Array, b: Float64Array): number {
  let best = 0;
  rows(b.length + 1);
  const prev = rowP;
  prev.fill(0, 0, b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    const x = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = x === b[j - 1] ? diag + 1 : 0;
      if (prev[j] > best) best = prev[j];
      diag = tmp;
    }
  }
  return best;
}

// Longest common subsequence of two (hashed) word sequences (not necessarily contiguous).
function lcs(a: Float64Array, b: Float64Array): number {
  rows(b.length + 1);
  const prev = rowP,
    cur = rowC;
  prev.fill(0, 0, b.length + 1);
  cur.fill(0, 0, b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    const x = a[i - 1];
    for (let j = 1; j <= b.length; j++) cur[j] = x === b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    for (let j = 0; j <= b.length; j++) prev[j] = cur[j];
  }
  return prev[b.length];
}

type Surface = { grams: [number, number, number]; chars: number; lcs: number };

// Surface overlap at several grains, as seen from each side: the share of its word 1-, 2- and
// 3-grams found in the other, the character-trigram Jaccard, and its share in the longest common
// subsequence. The shared counts are symmetric, so each is taken once.
function surface(a: Analysis, b: Analysis): [Surface, Surface] {
  const k0 = sharedCount(a.grams[0], b.grams[0]),
    k1 = sharedCount(a.grams[1], b.grams[1]),
    k2 = sharedCount(a.grams[2], b.grams[2]);
  const kc = sharedCount(a.chars, b.chars);
  const chars = kc / Math.max(1, a.chars.length + b.chars.length - kc);
  const l = lcs(a.lemmaIds, b.lemmaIds);
  const side = (x: Analysis): Surface => ({
    grams: [x.grams[0].length ? k0 / x.grams[0].length : 0, x.grams[1].length ? k1 / x.grams[1].length : 0, x.grams[2].length ? k2 / x.grams[2].length : 0],
    chars,
    lcs: x.lemmas.length ? l / x.lemmas.length : 0,
  });
  return [side(a), side(b)];
}

// The lemmas of a that b neither covers nor uses, names and numbers aside, in order of first use.
// ids: the same lemmas' hashes, for meanOf.
function leftovers(a: Analysis, b: Analysis, al: Alignment, ids: number[]): string[] {
  const other = b.lemmaSet,
    toks = a.toks,
    pos = a.contentPos,
    best = al.best;
  const out: string[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.name || t.pos === "NUM") continue;
    const k = pos[i];
    if ((k >= 0 && best[k] >= COVERED) || other.has(t.lemma) || out.includes(t.lemma)) continue;
    out.push(t.lemma);
    ids.push(a.lemmaIds[i]);
  }
  return out;
}

// "Putin" matches "Vladimir Putin": one run's words contain the other's.
function contains(outer: string[], inner: string[]): boolean {
  for (const p of inner) if (!outer.includes(p)) return false;
  return true;
}
function nameMatch(xs: string[], ys: string[][]): boolean {
  for (const w of ys) if (contains(w, xs) || contains(xs, w)) return true;
  return false;
}

// Words of x whose closest word in y is related but different (same part of speech, 0.45..0.85).
// The similarity from which a word's closest word on the other side is a related word, not just the
// nearest of unrelated ones: the lower end of swapsOf's related-but-different band.
const RELATED = 0.45;

/** A content word of x whose stem is `from` is aligned with a related word of y whose stem is `to`. */
function pairedWords(x: Analysis, y: Analysis, al: Alignment, from: string, to: string): boolean {
  for (let k = 0; k < x.content.length; k++) {
    const p = al.partner[k];
    if (p >= 0 && al.best[k] >= RELATED && stem(x.toks[x.content[k]].word) === from && stem(y.toks[p].word) === to) return true;
  }
  return false;
}

function swapsOf(x: Analysis, y: Analysis, al: Alignment): [string, string][] {
  const out: [string, string][] = [];
  const c = x.content;
  for (let k = 0; k < c.length; k++) {
    const t = x.toks[c[k]];
    const v = al.best[k];
    if (t.name || t.pos === "NUM" || v >= 0.999 || v < RELATED || al.partner[k] < 0) continue;
    const u = y.toks[al.partner[k]];
    if (u.pos === t.pos && v < 0.85) out.push([t.word, u.word]);
  }
  return out;
}

export { EVENT_GAP_DAYS };

/** Two lower bounds, or two upper bounds, of different values. */
const boundsApart = (x: NumberMention, y: NumberMention) => x.value !== y.value && x.approx === y.approx && (x.approx === "min" || x.approx === "max");

// Words as the model's sparse inputs: "~word" for a word of one passage that the other does not
// cover, so the model can learn cue words (hedges, negators, quantifiers) where the passages differ.
// Words both passages use say nothing about their relation: "said" on both sides is no hedge.
// `leftover` holds those words bare; wordsA spells them as the model's input names ("~word"), for the fit.
export type PairMeasure = {
  coverage: number;
  dense: number[];
  leftover: string[];
  readonly wordsA: string[];
  wordsB: string[];
  meanA: Float32Array;
  meanB: Float32Array;
  detail: PairDetail;
};

export function measurePair(a: Analysis, b: Analysis): PairMeasure {
  const [ab, ba] = align(a, b);
  const sa = sideSums(a, ab),
    sb = sideSums(b, ba);
  const softA = sa.soft,
    softB = sb.soft;
  const la = a.content.length,
    lb = b.content.length;

  const numbersAgree: [NumberMention, NumberMention][] = [],
    numbersConflict: [NumberMention, NumberMention][] = [],
    numbersBounds: [NumberMention, NumberMention][] = [];
  let unmatchedA = 0;
  // Counts of things the alignment pairs up ("Twelve workers died" / "Fifteen people were killed"):
  // the unit words differ, but one passage's word for what is counted is the other's closest word.
  // The same goes for the words around them ("died" / "were killed").
  const paired = (p: string, q: string) => p === q || pairedWords(a, b, ab, p, q) || pairedWords(b, a, ba, q, p);
  const sameCount = (x: NumberMention, y: NumberMention) => {
    if (sameQuantity(x, y)) return true;
    if (!x.unit || !y.unit || x.unit === y.unit || measureUnit(x.unit) || measureUnit(y.unit) || !paired(x.unit, y.unit)) return false;
    for (const p of x.context) if (p !== x.unit) for (const q of y.context) if (q !== y.unit && paired(p, q)) return true;
    return false;
  };
  // A number of b that agrees with one of a, or that a states too, is accounted for: a second number
  // of a that differs from it ("23 were injured, three seriously"; "2.5 metres (8 feet)") tells something else.
  const agreed = new Set(b.numbers.filter((y) => a.numbers.some((x) => x.value === y.value || (sameCount(x, y) && numbersCompatible(x, y)))));
  for (const x of a.numbers) {
    const same = b.numbers.filter((y) => sameCount(x, y));
    if (!same.length) {
      if (!b.numbers.some((y) => numbersCompatible(x, y))) unmatchedA++;
      continue;
    }
    const ok = same.find((y) => numbersCompatible(x, y));
    // "At least 38" and "at least 51" can both be true, but they are two counts: not agreement,
    // and not a dispute either (a toll rises from one report to the next).
    if (ok && boundsApart(x, ok)) {
      numbersBounds.push([x, ok]);
      continue;
    }
    if (ok) {
      numbersAgree.push([x, ok]);
      continue;
    }
    // A number the other passage states too is no dispute, whatever it is read as counting there.
    const rival = same.find((y) => !agreed.has(y));
    if (rival && !b.numbers.some((y) => y.value === x.value)) numbersConflict.push([x, rival]);
    else if (!b.numbers.some((y) => numbersCompatible(x, y))) unmatchedA++;
  }
  const unmatchedB = b.numbers.filter((y) => !a.numbers.some((x) => numbersCompatible(x, y))).length;

  const datesSame: string[] = [];
  const datesConflict: PairDetail["datesConflict"] = [];
  const dateRel = a.dates.map((x) => b.dates.map((y) => ({ y, r: compareEventDates(x, y) })));
  // A date the other passage already shares is accounted for: "rescuers searched on Friday" beside
  // "the tunnel collapsed on Thursday" tells a second moment, not another day for the collapse.
  const sharedB = new Set(dateRel.flatMap((rel) => rel.filter((q) => q.r.kind === "same").map((q) => q.y)));
  // A bare year beside a date known to the month is background ("the dam, built in 1962, was
  // inspected in September"): the month-dated one says when the passage's event happened.
  const background = (x: EventDate, all: EventDate[]) => x.m === null && all.some((d) => d.m !== null);
  a.dates.forEach((x, i) => {
    const rel = dateRel[i];
    if (rel.some((q) => q.r.kind === "same")) datesSame.push(x.label);
    else if (!background(x, a.dates)) {
      // A statement's date a few days off the event's is the day it was said, not a disputed day.
      const d = rel.find(
        (q) => q.r.kind === "differ" && !sharedB.has(q.y) && !background(q.y, b.dates) && !(q.r.gapDays <= EVENT_GAP_DAYS && (x.said || q.y.said)),
      );
      if (d && !rel.some((q) => q.r.kind === "compatible")) datesConflict.push({ a: x, b: d.y, gapDays: d.r.gapDays });
    }
  });
  const near = datesConflict.filter((c) => c.gapDays <= EVENT_GAP_DAYS).length;
  const far = datesConflict.length - near;

  const inB = a.nameParts.map((x) => nameMatch(x, b.nameParts)),
    inA = b.nameParts.map((y) => nameMatch(y, a.nameParts));
  const namesShared = a.names.filter((_, i) => inB[i]);
  const namesOnlyA = a.names.filter((_, i) => !inB[i]);
  const namesOnlyB = b.names.filter((_, i) => !inA[i]);

  const swaps = swapsOf(a, b, ab),
    swapsB = swapsOf(b, a, ba);

  const negXor = a.negations.length > 0 !== b.negations.length > 0 ? 1 : 0;
  const antonyms = opposed(a, b);
  const conflict = Math.min(1, numbersConflict.length + near);
  const idsA: number[] = [],
    idsB: number[] = [];
  const onlyA = leftovers(a, b, ab, idsA),
    onlyB = leftovers(b, a, ba, idsB);
  const [ga, gb] = surface(a, b);
  const softMean = (softA + softB) / 2;
  // Each sided measure as (larger, smaller), in SIDED order, then the SHARED ones in their order.
  const dense = new Array<number>(DENSE_FEATURES.length);
  let o = 0;
  const sided = (x: number, y: number) => {
    dense[o++] = Math.max(x, y);
    dense[o++] = Math.min(x, y);
  };
  sided(softA, softB); // soft
  sided(sa.min, sb.min); // min
  sided(sa.uncovered, sb.uncovered); // uncovered
  sided(sa.exact, sb.exact); // exact
  sided(Math.log1p(la), Math.log1p(lb)); // len
  sided(a.numbers.length ? 1 : 0, b.numbers.length ? 1 : 0); // num
  sided(Math.min(unmatchedA, 3) / 3, Math.min(unmatchedB, 3) / 3); // num_unmatched
  sided(a.dates.length ? 1 : 0, b.dates.length ? 1 : 0); // dates
  sided(a.names.length ? namesShared.length / a.names.length : 0, b.names.length ? (b.names.length - namesOnlyB.length) / b.names.length : 0); // names_cov
  sided(Math.min(namesOnlyA.length, 3) / 3, Math.min(namesOnlyB.length, 3) / 3); // names_only
  sided(a.negations.length ? 1 : 0, b.negations.length ? 1 : 0); // neg
  sided(a.question ? 1 : 0, b.question ? 1 : 0); // question
  sided(Math.log1p(sa.uncoveredN), Math.log1p(sb.uncoveredN)); // uncovered_n
  sided(ga.grams[0], gb.grams[0]); // gram1
  sided(ga.grams[1], gb.grams[1]); // gram2
  sided(ga.grams[2], gb.grams[2]); // gram3
  sided(ga.lcs, gb.lcs); // lcs
  sided(Math.min(swaps.length, 3) / 3, Math.min(swapsB.length, 3) / 3); // swaps
  // What happened and to what: a shared place and day do not make "jets crashed" "mercenaries were captured".
  sided(sa.verb, sb.verb); // verb_soft
  sided(sa.noun, sb.noun); // noun_soft
  dense[o++] = dot(a.centroid, b.centroid); // centroid_cos
  dense[o++] = Math.min(la, lb) / Math.max(1, la, lb); // len_ratio
  dense[o++] = longestRun(a.lemmaIds, b.lemmaIds) / Math.max(1, Math.min(a.toks.length, b.toks.length)); // run
  dense[o++] = softA * softB; // soft_ab
  dense[o++] = numbersAgree.length ? 1 : 0; // num_agree
  dense[o++] = numbersConflict.length ? 1 : 0; // num_conflict
  dense[o++] = datesSame.length ? 1 : 0; // date_same
  dense[o++] = near ? 1 : 0; // date_conflict_near
  dense[o++] = far ? 1 : 0; // date_conflict_far
  dense[o++] = namesOnlyA.length && namesOnlyB.length ? 1 : 0; // name_swap
  dense[o++] = negXor; // neg_xor
  dense[o++] = negXor * softMean; // neg_xor_soft
  dense[o++] = (swaps.length || swapsB.length ? 1 : 0) * softMean; // swap_soft
  dense[o++] = conflict * softMean; // conflict_soft
  dense[o++] = ga.chars; // char_jaccard
  dense[o++] = Math.log1p(Math.abs(a.lemmas.length - b.lemmas.length)); // len_diff
  // Leftover words of both sides as one bag, and their vectors as the mean of the two sides'
  // leftovers and the size of their difference: symmetric, like everything the model reads.
  const va = meanOf(a, idsA),
    vb = meanOf(b, idsB);
  for (let k = 0, dims = DIMS; k < dims; k++) {
    const x = va[k],
      y = vb[k];
    va[k] = (x + y) / 2;
    vb[k] = Math.abs(x - y);
  }
  const meanA = va,
    meanB = vb;
  const leftover = onlyA.slice();
  for (const w of onlyB) if (!leftover.includes(w)) leftover.push(w);
  return {
    coverage: softA,
    dense,
    leftover,
    wordsB: [],
    meanA,
    meanB,
    get wordsA() {
      return leftover.map((w) => `~${w}`);
    },
    detail: {
      // Rarest first: the words that pick out the statement, not "said" or "Tuesday". Only reasons
      // read it, and most pairs get none, so it is worked out when asked for.
      get shared() {
        return a.content
          .filter((_, k) => ab.best[k] >= 0.999)
          .map((i) => a.toks[i])
          .sort((x, y) => y.idf - x.idf)
          .map((t) => t.word)
          .filter((w, i, xs) => xs.indexOf(w) === i);
      },
      onlyA,
      onlyB,
      numbersAgree,
      numbersConflict,
      numbersBounds,
      datesSame,
      datesConflict,
      namesShared,
      namesOnlyA,
      namesOnlyB,
      negA: a.negations,
      negB: b.negations,
      swaps,
      antonyms,
    },
  };
}

// A word of one passage whose antonym is a word of the other, each absent from the other side:
// "profits rose" / "profits fell", not "rose and fell" / "fell". Symmetric, as WordNet's antonymy is.
function opposed(a: Analysis, b: Analysis): [string, string][] {
  const out: [string, string][] = [];
  if (!a.opposites.length || !b.opposites.length) return out;
  for (const [x, y] of a.opposites) {
    if (b.lemmaSet.has(x) || a.lemmaSet.has(y)) continue;
    if (b.opposites.some(([u]) => u === y)) out.push([x, y]);
  }
  return out;
}

// The mean vector of a's tokens whose lemma hash is in `want` (no string compares). The int8 rows
// are summed exactly as integers and scaled once (x / 127, as the vectors are stored).
const sums = new Int32Array(DIMS);
function meanOf(a: Analysis, want: number[]): Float32Array {
  const acc = new Float32Array(DIMS);
  if (!want.length) return acc;
  const data = vectorData(),
    dims = DIMS,
    toks = a.toks,
    ids = a.lemmaIds,
    sum = sums;
  sum.fill(0);
  let n = 0;
  for (let i = 0; i < toks.length; i++) {
    const v = toks[i].vec;
    if (v < 0 || !want.includes(ids[i])) continue;
    const r = v * dims;
    for (let k = 0; k < dims; k++) sum[k] += data[r + k];
    n++;
  }
  if (n) for (let k = 0; k < dims; k++) acc[k] = sum[k] / 127 / n;
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
