export type SuggestedVerdict = "corroborated" | "single_sourced" | "contradicted";

export type VerdictLink = {
  relation: "supports" | "contradicts";
  independent: boolean;
  // The pair model's score for a suggested link, 0..1.
  score: number;
  // A reviewer confirmed or created the link: it counts in full, whatever its score.
  verified: boolean;
};

/**
 * The verdict the desk suggests from a claim's links (decision 035). Only independent sources
 * count: a copy of the same wire story corroborates nothing. A contradiction a reviewer confirmed
 * decides. Otherwise the weight of the evidence does: contradicted when the independent
 * contradicting links outweigh the supporting ones (each weighs its score, a verified link 1).
 * One suggested contradiction no longer turns a claim Contradicted on its own: on FNC-1's related
 * headline-body pairs that rule suggested Contradicted for 65% of the reports that agree.
 */
export function suggestVerdict(links: VerdictLink[]): SuggestedVerdict {
  const independent = links.filter((l) => l.independent);
  if (independent.some((l) => l.verified && l.relation === "contradicts")) return "contradicted";
  // A score outside 0..1 is clamped; one that is not a number weighs nothing.
  const weigh = (l: VerdictLink) => (l.verified ? 1 : Number.isFinite(l.score) ? Math.max(0, Math.min(1, l.score)) : 0);
  const weight = (relation: VerdictLink["relation"]) => independent.filter((l) => l.relation === relation).reduce((s, l) => s + weigh(l), 0);
  const against = weight("contradicts"),
    support = weight("supports");
  // A tie goes to the support: a contradiction must outweigh it.
  if (against > support) return "contradicted";
  if (independent.some((l) => l.relation === "supports")) return "corroborated";
  // Contradictions of no weight (score 0) still say an outlet disagrees.
  if (independent.some((l) => l.relation === "contradicts")) return "contradicted";
  return "single_sourced";
}

/** The verdict input of a stored link row. */
export function verdictLink(l: { relation: "SUPPORTS" | "CONTRADICTS"; independent: boolean; score: number; state: string; origin: string }): VerdictLink {
  return {
    relation: l.relation === "SUPPORTS" ? "supports" : "contradicts",
    independent: l.independent,
    score: l.score,
    verified: l.state === "CONFIRMED" || l.origin === "REVIEWER",
  };
}
