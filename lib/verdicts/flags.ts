import "server-only";
import type { Db } from "../db/client";
import type { ClaimStatus } from "../db/generated/enums";
import { recordEvent } from "./history";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * Marks reviewed claims "needs re-review": their verdict stands, but the evidence it rested on has
 * changed. The flag shows in the queue and on the claim page, blocks approval for publishing, and
 * is cleared by the next verdict. History and the audit log record it, in the same transaction.
 */
export async function flagForReview(tx: Tx, actorId: string | null, claims: { id: string; status: ClaimStatus }[], reason: string) {
  for (const c of claims) {
    if (c.status === "UNREVIEWED") continue;
    await tx.claim.update({ where: { id: c.id }, data: { needsReview: true, needsReviewReason: reason } });
    await recordEvent(tx, { claimId: c.id, actorId, verdict: c.status, previous: c.status, linkedClaimIds: [], kind: "NEEDS_REVIEW", reason });
    await tx.auditLog.create({ data: { actorId, action: "claim.needs_review", entity: "Claim", entityId: c.id, data: { reason, status: c.status } } });
  }
}
