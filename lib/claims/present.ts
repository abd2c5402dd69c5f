import { presentClaim } from "../articles/present";
import { readSnapshot } from "../publishing/snapshot";
import { readSourceChange } from "../articles/source-change";
import type { ClaimListRow, ClaimWithLinks } from "./data";

type Link = ClaimWithLinks["links"][number];

function presentSuggestion(l: Link) {
  const c = l.toClaim;
  return {
    claim: { id: c.id, text: c.text, start: c.start, end: c.end, article: { id: c.article.id, title: c.article.title, outlet: c.article.outlet } },
    relation: l.relation.toLowerCase(),
    score: l.score,
    independent: l.independent,
    background: l.background,
    reasons: l.reasons,
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
  return {
    ...presentClaim(c),
    suggestedVerdict: c.suggestedVerdict.toLowerCase(),
    article: { id: c.article.id, title: c.article.title, outlet: c.article.outlet },
  };
}

type ReviewLink = import("./data").ClaimForReview["links"][number];

function presentPassage(l: ReviewLink) {
  const c = l.toClaim;
  return {
    claimId: c.id,
    text: c.text,
    prefix: c.prefix,
    suffix: c.suffix,
    status: c.status.toLowerCase(),
    article: { id: c.article.id, title: c.article.title, outlet: c.article.outlet.name },
    relation: l.relation.toLowerCase() as "supports" | "contradicts",
    origin: l.origin.toLowerCase(),
    score: l.score,
    reasons: l.reasons,
    independent: l.independent,
    background: l.background,
    createdBy: l.createdBy,
  };
}
export type PresentedPassage = ReturnType<typeof presentPassage>;

// Plain data for the claim page's client components.
export function presentClaimReview({ claim, links, suggestions }: import("./data").ClaimForReview) {
  const a = claim.article;
  return {
    claim: {
      ...presentClaim(claim),
      suggestedVerdict: claim.suggestedVerdict.toLowerCase() as "corroborated" | "single_sourced" | "contradicted",
      needsReview: claim.needsReview,
      needsReviewReason: claim.needsReviewReason,
      assignee: claim.assignee,
      sourceChanged: claim.sourceChanged,
      sourceChange: readSourceChange(claim.sourceChange),
      publication: { awaitingApproval: claim.awaitingApproval, publishedAt: claim.publishedAt, published: readSnapshot(claim.published) },
    },
    article: {
      id: a.id,
      title: a.title,
      publishedAt: a.publishedAt?.toISOString().slice(0, 10) ?? null,
      outlet: a.outlet.name,
      wireCredit: a.wireCredit,
      text: a.text,
      currentVersion: a.currentVersion,
      version: claim.anchoredVersion,
    },
    links: links.map(presentPassage),
    suggestions: suggestions.map(presentPassage),
  };
}
