export type SuggestedVerdict = "corroborated" | "single_sourced" | "contradicted";

// Only independent sources count: a copy of the same wire story corroborates nothing.
export function suggestVerdict(links: { relation: "supports" | "contradicts"; independent: boolean }[]): SuggestedVerdict {
  const independent = links.filter((l) => l.independent);
  if (independent.some((l) => l.relation === "contradicts")) return "contradicted";
  if (independent.some((l) => l.relation === "supports")) return "corroborated";
  return "single_sourced";
}
