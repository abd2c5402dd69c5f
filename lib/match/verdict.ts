import { sourceKeys } from "./independence";

export type SuggestedVerdict = "corroborated" | "single_sourced" | "contradicted";

export type VerdictLink = {
  relation: "supports" | "contradicts";
  independent: boolean;
  // The pair model's score for a suggested link, 0..1.
  score: number;
  // A reviewer confirmed or created the link: it counts in full, whatever its score.
  verified: boolean;
  // What the evidence's article is a copy of (sourceKeys in independence.ts: its outlet, origin
  // group, wire agencies). Links whose evidence shares a key are one source and weigh once.
  sources?: string[];
  // A suggested support between reports of different events: background at most (decision 038).
  background?: boolean;
};

// Links whose evidence shares a source key, as groups: three outlets' copies of one AP story are one.
function bySource(links: VerdictLink[]): VerdictLink[][] {
  const groups: { keys: Set<string>; links: VerdictLink[] }[] = [];
  for (const l of links) {
    const keys = l.sources ?? [];
    const joined = groups.filter((g) => keys.some((k) => g.keys.has(k)));
    const into = { keys: new Set(keys), links: [l] };
    for (const g of joined) {
      for (const k of g.keys) into.keys.add(k);
      into.links.push(...g.links);
      groups.splice(groups.indexOf(g), 1);
    }
    groups.push(into);
  }
  return groups.map((g) => g.links);
}

/**
 * The verdict the desk suggests from a claim's links (decision 035). Only independent sources
 * count: a copy of the same wire story corroborates nothing. A contradiction a reviewer confirmed
 * decides. Otherwise the weight of the evidence does: contradicted when the independent
 * contradicting links outweigh the supporting ones (each weighs its score, a verified link 1; the
 * links of one source, such as three outlets' copies of one wire story, weigh as their strongest).
 * One suggested contradiction no longer turns a claim Contradicted on its own: on FNC-1's related
 * headline-body pairs that rule suggested Contradicted for 65% of the reports that agree.
 */
export function suggestVerdict(links: VerdictLink[]): SuggestedVerdict {
  // A support from a report of another event corroborates only once a reviewer says it is the
  // background both reports share (decision 038): "the minister said the boat was overloaded" in a
  // July report does not confirm the same words about the March sinking.
  const independent = links.filter((l) => l.independent && !(l.background && !l.verified));
  if (independent.some((l) => l.verified && l.relation === "contradicts")) return "contradicted";
  // A score outside 0..1 is clamped; one that is not a number weighs nothing.
  const weigh = (l: VerdictLink) => (l.verified ? 1 : Number.isFinite(l.score) ? Math.max(0, Math.min(1, l.score)) : 0);
  // Each source weighs once for each relation: its strongest link.
  const sources = bySource(independent);
  const weight = (relation: VerdictLink["relation"]) =>
    sources.reduce((s, group) => s + Math.max(0, ...group.filter((l) => l.relation === relation).map(weigh)), 0);
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
export function verdictLink(l: {
  relation: "SUPPORTS" | "CONTRADICTS";
  independent: boolean;
  background?: boolean;
  score: number;
  state: string;
  origin: string;
  // The evidence's article (EVIDENCE_SOURCE), when read: its copies then weigh once.
  toClaim?: { article: { outletId: string; wireCredit: string | null; outlet: { originGroup: string | null } } };
}): VerdictLink {
  const a = l.toClaim?.article;
  return {
    relation: l.relation === "SUPPORTS" ? "supports" : "contradicts",
    independent: l.independent,
    score: l.score,
    verified: l.state === "CONFIRMED" || l.origin === "REVIEWER",
    ...(l.background ? { background: true } : {}),
    ...(a ? { sources: sourceKeys({ outletId: a.outletId, wireCredit: a.wireCredit, originGroup: a.outlet.originGroup }) } : {}),
  };
}

/** What a link read for a verdict selects of its evidence's article: what says which copies are one source. */
export const EVIDENCE_SOURCE = {
  toClaim: { select: { article: { select: { outletId: true, wireCredit: true, outlet: { select: { originGroup: true } } } } } },
} as const;
