// `npx tsx eval/fit-checkworthy.ts --in ../shared/data/claimbuster-dev.json [--features N]`
// Refits the check-worthiness weights (lib/extract/checkworthy.ts) on the sentences with
// sentence_id % 4 == 0 by L2-regularised logistic regression, picks the F1-best threshold on that
// quarter, and reports the held-out F1 on the rest. Prints the constants to paste; the product never
// trains at run time.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { FEATURE_NAMES, features } from "../lib/extract/checkworthy";
import { binaryMetrics } from "../lib/extract/metrics";

const { values } = parseArgs({ options: { in: { type: "string" }, features: { type: "string" }, l2: { type: "string" } } });
if (!values.in) throw new Error("usage: fit-checkworthy --in FILE.json [--features N] [--l2 X]");
const rows = (JSON.parse(readFileSync(values.in, "utf8")) as { sentence_id: number; text: string; label: number }[]).filter((r) => r.label !== undefined);
const k = values.features ? Number(values.features) : FEATURE_NAMES.length;
const l2 = values.l2 ? Number(values.l2) : 1;
const X = rows.map((r) => features(r.text).slice(0, k));
const y = rows.map((r) => Number(r.label));
const fit = rows.map((r, i) => i).filter((i) => rows[i].sentence_id % 4 === 0);
const held = rows.map((r, i) => i).filter((i) => rows[i].sentence_id % 4 !== 0);

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

const f1At = (idx: number[], t: number) => binaryMetrics(idx.map((i) => y[i]), idx.map((i) => (score(w, X[i]) >= t ? 1 : 0)));
let best = { t: 0.5, f1: 0 };
for (let t = 0.1; t < 0.9; t += 0.01) {
  const f1 = f1At(fit, t).f1;
  if (f1 > best.f1) best = { t: Math.round(t * 100) / 100, f1 };
}
const h = f1At(held, best.t);
console.log(`features ${k}, l2 ${l2}: threshold ${best.t}, fitting F1 ${best.f1.toFixed(3)}, held-out P ${h.precision.toFixed(3)} R ${h.recall.toFixed(3)} F1 ${h.f1.toFixed(3)}`);
console.log(`WEIGHTS = [${w.map((v) => v.toFixed(2)).join(", ")}]`);
for (let j = 0; j < k; j++) console.log(`  ${FEATURE_NAMES[j] ?? j}: ${w[j].toFixed(2)}`);
