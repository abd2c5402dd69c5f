export const LABELS = ["agree", "disagree", "discuss", "unrelated"] as const;
export type FncLabel = (typeof LABELS)[number];

export function isLabel(x: string): x is FncLabel {
  return (LABELS as readonly string[]).includes(x);
}

// The official FNC-1 metric: 0.25 for getting related/unrelated right, 0.75 more for the exact related label.
export function fncScore(gold: FncLabel[], pred: FncLabel[]): { score: number; max: number; share: number } {
  let score = 0,
    max = 0;
  gold.forEach((g, i) => {
    const p = pred[i];
    max += g === "unrelated" ? 0.25 : 1;
    if (g === p) score += g === "unrelated" ? 0.25 : 1;
    else if (g !== "unrelated" && p !== "unrelated") score += 0.25;
  });
  return { score, max, share: max ? score / max : 0 };
}

export function confusion(gold: FncLabel[], pred: FncLabel[]): number[][] {
  const m = LABELS.map(() => LABELS.map(() => 0));
  gold.forEach((g, i) => m[LABELS.indexOf(g)][LABELS.indexOf(pred[i])]++);
  return m;
}

export function perClassF1(m: number[][]): Record<FncLabel, number> {
  const out = {} as Record<FncLabel, number>;
  LABELS.forEach((l, k) => {
    const tp = m[k][k];
    const fp = m.reduce((t, row, r) => t + (r === k ? 0 : row[k]), 0);
    const fn = m[k].reduce((t, x, c) => t + (c === k ? 0 : x), 0);
    out[l] = tp ? (2 * tp) / (2 * tp + fp + fn) : 0;
  });
  return out;
}

export function formatReport(gold: FncLabel[], pred: FncLabel[]): string {
  const s = fncScore(gold, pred);
  const m = confusion(gold, pred);
  const f1 = perClassF1(m);
  const pad = (x: string | number, n = 10) => String(x).padStart(n);
  const lines = [
    `FNC score: ${s.score.toFixed(2)} / ${s.max.toFixed(2)} = ${(100 * s.share).toFixed(2)}%  (${gold.length} pairs)`,
    `F1: ${LABELS.map((l) => `${l} ${f1[l].toFixed(3)}`).join("  ")}  macro ${(LABELS.reduce((t, l) => t + f1[l], 0) / 4).toFixed(3)}`,
    `confusion (rows gold, columns predicted):`,
    pad("") + LABELS.map((l) => pad(l)).join(""),
    ...LABELS.map((l, k) => pad(l) + m[k].map((x) => pad(x)).join("")),
  ];
  return lines.join("\n");
}
