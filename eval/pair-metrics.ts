// Figures for labelled pairs, per source. Labels: supports, contradicts, and neutral (= none).
import type { Relation } from "../lib/match/pair/model";

export type Scored = { source: string; gold: Relation; pred: Relation };

export function goldRelation(label: string): Relation | null {
  const l = label.trim().toLowerCase();
  if (l === "supports" || l === "contradicts") return l;
  if (l === "neutral" || l === "none") return "none";
  return null;
}

const REL: Relation[] = ["supports", "contradicts", "none"];

export type SourceFigures = {
  n: number;
  accuracy: number;
  f1: Record<Relation, number>;
  binary: { name: string; accuracy: number } | null;
  confusion: number[][];
};

/**
 * Accuracy over the three relations, F1 per relation, and the task's own binary figure where the
 * source has one: MSRP is paraphrase or not (supports vs anything else); FEVER is supports vs
 * refutes, where an answer of none counts as wrong.
 */
export function figures(rows: Scored[]): SourceFigures {
  const confusion = REL.map(() => REL.map(() => 0));
  for (const r of rows) confusion[REL.indexOf(r.gold)][REL.indexOf(r.pred)]++;
  const n = rows.length;
  const correct = REL.reduce((s, _, i) => s + confusion[i][i], 0);
  const f1 = Object.fromEntries(
    REL.map((rel, i) => {
      const tp = confusion[i][i];
      const predicted = confusion.reduce((s, row) => s + row[i], 0);
      const actual = confusion[i].reduce((s, x) => s + x, 0);
      const p = predicted ? tp / predicted : 0,
        r = actual ? tp / actual : 0;
      return [rel, p + r ? (2 * p * r) / (p + r) : 0];
    }),
  ) as Record<Relation, number>;
  const source = rows[0]?.source ?? "";
  let binary: SourceFigures["binary"] = null;
  if (source === "msrp")
    binary = {
      name: "paraphrase accuracy (supports vs not)",
      accuracy: rows.filter((r) => (r.gold === "supports") === (r.pred === "supports")).length / Math.max(1, n),
    };
  if (source === "fever")
    binary = { name: "supports-vs-refutes accuracy (none = wrong)", accuracy: rows.filter((r) => r.gold === r.pred).length / Math.max(1, n) };
  return { n, accuracy: n ? correct / n : 0, f1, binary, confusion };
}

export function bySource(rows: Scored[]): Map<string, SourceFigures> {
  const groups = new Map<string, Scored[]>();
  for (const r of rows) groups.set(r.source, [...(groups.get(r.source) ?? []), r]);
  return new Map([...groups].sort(([x], [y]) => x.localeCompare(y)).map(([s, rs]) => [s, figures(rs)]));
}

export function formatFigures(source: string, f: SourceFigures): string {
  const pct = (x: number) => x.toFixed(3);
  const lines = [
    `${source} (${f.n} pairs): 3-class accuracy ${pct(f.accuracy)}; F1 supports ${pct(f.f1.supports)}, contradicts ${pct(f.f1.contradicts)}, none ${pct(f.f1.none)}`,
  ];
  if (f.binary) lines.push(`  ${f.binary.name}: ${pct(f.binary.accuracy)}`);
  lines.push(`  confusion (rows gold, columns predicted: supports contradicts none)`);
  REL.forEach((r, i) => lines.push(`  ${r.padEnd(12)} ${f.confusion[i].map((x) => String(x).padStart(6)).join("")}`));
  return lines.join("\n");
}
