import { presentClaim } from "../articles/present";
import type { ClaimListRow, ClaimWithLinks } from "./data";

type Link = ClaimWithLinks["links"][number];

function presentSuggestion(l: Link) {
  const c = l.toClaim;
  return {
    claim: { id: c.id, text: c.text, start: c.start, end: c.end, article: { id: c.article.id, title: c.article.title, outlet: c.article.outlet } },
    relation: l.relation.toLowerCase(), score: l.score, independent: l.independent, reasons: l.reasons,
  };
}

export function presentClaimPage({ claim, links, suggestions }: ClaimWithLinks) {
  const a = claim.article;
  return {
    claim: { ...presentClaim(claim), article: { id: a.id, title: a.title, publishedAt: a.publishedAt?.toISOString() ?? null, outlet: a.outlet } },
    links: links.map((l) => ({ id: l.id, ...presentSuggestion(l), createdBy: l.createdBy })),
    suggestions: suggestions.map(presentSuggestion),
    suggestedVerdict: claim.suggestedVerdict.toLowerCase(),
  };
}

export function presentClaimListItem(c: ClaimListRow) {
  return { ...presentClaim(c), suggestedVerdict: c.suggestedVerdict.toLowerCase(), article: { id: c.article.id, title: c.article.title, outlet: c.article.outlet } };
}
