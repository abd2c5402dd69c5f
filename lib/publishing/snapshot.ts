import { isDisputed, type Verdict } from "../verdicts/rules";

// What an admin approved, frozen: the public page and ClaimReview show this until the next approval,
// whatever reviewers change meanwhile (docs/decisions/015). Pure.
export type PublishedStatus = "CORROBORATED" | "SINGLE_SOURCED" | "CONTRADICTED";
export type PublishedEvidence = {
  claimId: string;
  relation: "SUPPORTS" | "CONTRADICTS";
  independent: boolean;
  confirmedAt: string | null;
  confirmedBy: string | null;
};
export type PublishedReview = {
  status: PublishedStatus;
  disputed: boolean;
  rationale: string | null;
  reviewer: string | null;
  reviewedAt: string;
  approvedBy: string | null;
  approvedAt: string;
  evidence: PublishedEvidence[];
};

const STATUSES: PublishedStatus[] = ["CORROBORATED", "SINGLE_SOURCED", "CONTRADICTED"];

export function buildSnapshot(input: {
  status: string;
  rationale: string | null;
  reviewer: string | null;
  reviewedAt: Date;
  approvedBy: string | null;
  approvedAt: Date;
  links: { claimId: string; relation: "SUPPORTS" | "CONTRADICTS"; independent: boolean; confirmedAt: Date | null; confirmedBy: string | null }[];
}): PublishedReview {
  if (!STATUSES.includes(input.status as PublishedStatus)) throw new Error(`cannot publish a claim that is ${input.status}`);
  return {
    status: input.status as PublishedStatus,
    disputed: isDisputed(input.status, input.links),
    rationale: input.rationale,
    reviewer: input.reviewer,
    reviewedAt: input.reviewedAt.toISOString(),
    approvedBy: input.approvedBy,
    approvedAt: input.approvedAt.toISOString(),
    evidence: input.links.map((l) => ({ ...l, confirmedAt: l.confirmedAt?.toISOString() ?? null })),
  };
}

// A stored snapshot read back from JSON; null for anything that is not one (never published).
export function readSnapshot(v: unknown): PublishedReview | null {
  if (!v || typeof v !== "object") return null;
  const s = v as PublishedReview;
  return STATUSES.includes(s.status) && Array.isArray(s.evidence) ? s : null;
}

export const verdictOf = (s: PublishedReview) => s.status.toLowerCase() as Verdict;
