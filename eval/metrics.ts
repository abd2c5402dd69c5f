import { checkworthiness } from "../lib/extract/checkworthy";

export type LabelledSentence = { sentence_id: string | number; text: string; label?: number };
export type ScoredSentence = { sentence_id: string | number; score: number; label: 0 | 1 };
export type BinaryMetrics = { precision: number; recall: number; f1: number; support: number; predicted: number };

export function scoreSentences(items: LabelledSentence[], threshold: number): ScoredSentence[] {
  return items.map((it) => {
    const score = checkworthiness(it.text);
    return { sentence_id: it.sentence_id, score: Math.round(score * 1e4) / 1e4, label: score >= threshold ? 1 : 0 };
  });
}

// Metrics for the positive (check-worthy) class only: that is what ClaimBuster reports and what the
// desk cares about. Empty denominators give 0 rather than NaN so the printout stays readable.
export function binaryMetrics(gold: number[], predicted: number[]): BinaryMetrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  gold.forEach((g, i) => {
    const p = predicted[i] === 1;
    if (p && g === 1) tp++;
    else if (p) fp++;
    else if (g === 1) fn++;
  });
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, support: tp + fn, predicted: tp + fp };
}
