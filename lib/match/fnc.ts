import { FncFeaturizer } from "./fnc-features";
import type { FncLabel } from "./fnc-metrics";
import { FNC_WEIGHTS } from "./fnc-weights";

// Two small logistic regressions: related vs unrelated, then agree/disagree/discuss among related pairs.
export type FncModel = {
  mean: number[];
  std: number[];
  related: number[]; // weights for P(related)
  stance: number[][]; // softmax weights for agree, disagree, discuss
};

const STANCES = ["agree", "disagree", "discuss"] as const;

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const dot = (w: number[], x: number[]) => w.reduce((t, wi, i) => t + wi * x[i], 0);

function standardize(x: number[], m: FncModel | { mean: number[]; std: number[] }): number[] {
  // Column 0 is the bias and stays 1.
  return x.map((v, i) => (i === 0 ? 1 : (v - m.mean[i]) / (m.std[i] || 1)));
}

function softmax(z: number[]): number[] {
  const mx = Math.max(...z);
  const e = z.map((v) => Math.exp(v - mx));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

export function predictOne(model: FncModel, raw: number[]): FncLabel {
  const x = standardize(raw, model);
  const pRel = sigmoid(dot(model.related, x));
  const p = softmax(model.stance.map((w) => dot(w, x)));
  // Pick the label with the best expected FNC score rather than the most probable one.
  const k = p.indexOf(Math.max(...p));
  const related = 0.25 * pRel + 0.75 * pRel * p[k];
  return related > 0.25 * (1 - pRel) ? STANCES[k] : "unrelated";
}

export function predictStances(
  bodies: Map<string, string>,
  pairs: { headline: string; bodyId: string }[],
  model: FncModel = FNC_WEIGHTS,
): FncLabel[] {
  const fz = new FncFeaturizer(bodies, pairs.map((p) => p.headline));
  return pairs.map((p) => predictOne(model, fz.features(p.headline, p.bodyId)));
}

// Plain batch gradient descent with L2; the data are small enough that nothing fancier is needed.
function fitLogistic(X: number[][], y: number[], classes: number, iters = 600, lr = 0.5, l2 = 1e-3): number[][] {
  const d = X[0].length;
  const W = Array.from({ length: classes }, () => new Array<number>(d).fill(0));
  const n = X.length;
  for (let it = 0; it < iters; it++) {
    const G = W.map(() => new Array<number>(d).fill(0));
    for (let i = 0; i < n; i++) {
      const x = X[i];
      if (classes === 1) {
        const err = sigmoid(dot(W[0], x)) - y[i];
        for (let j = 0; j < d; j++) G[0][j] += err * x[j];
      } else {
        const p = softmax(W.map((w) => dot(w, x)));
        for (let c = 0; c < classes; c++) {
          const err = p[c] - (y[i] === c ? 1 : 0);
          for (let j = 0; j < d; j++) G[c][j] += err * x[j];
        }
      }
    }
    for (let c = 0; c < classes; c++) for (let j = 0; j < d; j++) W[c][j] -= lr * (G[c][j] / n + (j ? l2 * W[c][j] : 0));
  }
  return W;
}

export function fitModel(features: number[][], labels: FncLabel[]): FncModel {
  const d = features[0].length;
  const mean = new Array<number>(d).fill(0), std = new Array<number>(d).fill(0);
  for (const x of features) x.forEach((v, j) => (mean[j] += v / features.length));
  for (const x of features) x.forEach((v, j) => (std[j] += (v - mean[j]) ** 2 / features.length));
  for (let j = 0; j < d; j++) std[j] = Math.sqrt(std[j]) || 1;
  mean[0] = 0; std[0] = 1;
  const X = features.map((x) => standardize(x, { mean, std }));
  const related = fitLogistic(X, labels.map((l) => (l === "unrelated" ? 0 : 1)), 1)[0];
  const relIdx = labels.map((l, i) => (l === "unrelated" ? -1 : i)).filter((i) => i >= 0);
  const stance = fitLogistic(relIdx.map((i) => X[i]), relIdx.map((i) => STANCES.indexOf(labels[i] as (typeof STANCES)[number])), 3);
  const r = (v: number) => Math.round(v * 1e4) / 1e4;
  return { mean: mean.map(r), std: std.map(r), related: related.map(r), stance: stance.map((w) => w.map(r)) };
}
