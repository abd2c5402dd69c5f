// The check-worthiness fit: L2-regularised logistic regression (Newton's method) over the features
// of lib/extract/checkworthy.ts, on the ClaimBuster sentences with sentence_id % 4 == 0 (half of the
// dev set, 2,499 of 4,895: its ids are all even), with the F1-best threshold on that half; the
// other half is held out.
// Deterministic: the same data gives the same weights. `npm run fit -- checkworthy` runs it and
// writes lib/extract/checkworthy-weights.json; lib/extract/checkworthy-weights.test.ts checks the
// committed file equals a fresh fit.
import { FEATURE_NAMES, features } from "../lib/extract/checkworthy";
import { binaryMetrics } from "./metrics";

export type ClaimBusterRow = { sentence_id: number; text: string; label: number };
export type CheckworthyWeights = { fittedOn: string; l2: number; threshold: number; features: string[]; weights: number[] };
export type CheckworthyFit = CheckworthyWeights & { fitF1: number; heldOut: { precision: number; recall: number; f1: number; n: number } };

export const isFitting = (r: { sentence_id: number }) => r.sentence_id % 4 === 0;
// Two decimals: the figures they give do not move, and the file does not change with float noise.
const round2 = (v: number) => Math.round(v * 100) / 100 + 0; // + 0 turns -0 into 0

export function fitCheckworthy(all: ClaimBusterRow[], opts: { l2?: number; features?: number } = {}): CheckworthyFit {
  const rows = all.filter((r) => r.label !== undefined);
  const k = opts.features ?? FEATURE_NAMES.length;
  const l2 = opts.l2 ?? 1;
  const X = rows.map((r) => features(r.text).slice(0, k));
  const y = rows.map((r) => Number(r.label));
  const fit = rows.map((_r, i) => i).filter((i) => isFitting(rows[i]));
  const held = rows.map((_r, i) => i).filter((i) => !isFitting(rows[i]));

  const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
  const score = (w: number[], x: number[]) => sigmoid(x.reduce((s, v, j) => s + v * w[j], 0));

  // Newton's method (IRLS): few features, so each step solves a small linear system exactly.
  let w = new Array(k).fill(0);
  for (let iter = 0; iter < 30; iter++) {
    const g = new Array(k).fill(0);
    const H = Array.from({ length: k }, () => new Array(k).fill(0));
    for (const i of fit) {
      const p = score(w, X[i]);
      for (let a = 0; a < k; a++) {
        g[a] += (p - y[i]) * X[i][a];
        for (let b = 0; b < k; b++) H[a][b] += p * (1 - p) * X[i][a] * X[i][b];
      }
    }
    for (let a = 1; a < k; a++) {
      g[a] += l2 * w[a];
      H[a][a] += l2;
    }
    const step = solve(H, g);
    w = w.map((v, a) => v - step[a]);
    if (Math.max(...step.map(Math.abs)) < 1e-8) break;
  }
  const weights = w.map(round2);

  const at = (idx: number[], t: number) =>
    binaryMetrics(
      idx.map((i) => y[i]),
      idx.map((i) => (score(weights, X[i]) >= t ? 1 : 0)),
    );
  let best = { t: 0.5, f1: 0 };
  for (let step = 10; step < 90; step++) {
    const t = step / 100;
    const f1 = at(fit, t).f1;
    if (f1 > best.f1) best = { t, f1 };
  }
  const h = at(held, best.t);
  return {
    fittedOn: "ClaimBuster sentences with sentence_id % 4 == 0",
    l2,
    threshold: best.t,
    features: FEATURE_NAMES.slice(0, k),
    weights,
    fitF1: best.f1,
    heldOut: { precision: h.precision, recall: h.recall, f1: h.f1, n: held.length },
  };
}

function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((r, i) => [...r, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[p][c])) p = r;
    [M[c], M[p]] = [M[p], M[c]];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = M[r][c] / M[c][c];
      for (let j = c; j <= n; j++) M[r][j] -= f * M[c][j];
    }
  }
  return M.map((r, i) => r[n] / r[i]);
}

/** What the weights file holds: the fit without its figures. */
export function weightsFile(f: CheckworthyFit): CheckworthyWeights {
  return { fittedOn: f.fittedOn, l2: f.l2, threshold: f.threshold, features: f.features, weights: f.weights };
}
