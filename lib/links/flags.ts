import "server-only";
import type { Db } from "../db/client";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * Marks reviewed claims "needs re-review": their verdict stands, but the evidence it rested on has
 * changed. The flag shows in the queue and on the claim page, blocks approval for publishing, and
 * is cleared by the next verdict. History and the audit log record it, in the same transaction.
 */
export async function flagForReview(tx: Tx, actorId: string | null, claims: { id: string; status: string }[], reason: string) {
  for (const c of claims) {
    if (c.status === "UNREVIEWED") continue;
    await tx.claim.update({ where: { id: c.id }, data: { needsReview: true, needsReviewReason: reason } });
    await tx.verdictEvent.create({
      data: { claimId: c.id, actorId, verdict: c.status as "CORROBORATED", previous: c.status as "CORROBORATED", rationale: reason, linkedClaimIds: [], kind: "NEEDS_REVIEW" },
    });
    await tx.auditLog.create({ data: { actorId, action: "claim.needs_review", entity: "Claim", entityId: c.id, data: { reason, status: c.status } } });
  }
}
