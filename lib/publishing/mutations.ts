import "server-only";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { DomainError } from "../errors";
import { lockClaims, lower, TX_OPTIONS } from "../verdicts/pair";
import { recordEvent } from "../verdicts/history";
import { Stale, staleClaimError } from "../verdicts/stale";
import { verdictCheck, type Verdict } from "../verdicts/rules";
import { buildSnapshot } from "./snapshot";

/**
 * An admin approves a reviewed claim for publication, against the version they read: the verdict,
 * its rationale and its confirmed links are frozen into `published`, which /r/{id} and the exports
 * show. A claim flagged "needs re-review", or whose verdict no longer passes the rules, cannot be
 * approved. History and the audit log record the approval in the same transaction.
 */
export async function approveClaim(db: Db, actorId: string, claimId: string, version: number) {
  try {
    return await db.$transaction(async (tx) => {
      await lockClaims(tx, [claimId]);
      const claim = await tx.claim.findUnique({
        where: { id: claimId },
        select: { id: true, status: true, version: true, needsReview: true, needsReviewReason: true, sourceChanged: true },
      });
      if (!claim) throw new DomainError("not_found", "No claim has that id.");
      if (claim.version !== version) throw new Stale();
      if (claim.status === "UNREVIEWED") throw new DomainError("rule", "Only a reviewed claim can be published.");
      if (claim.needsReview)
        throw new DomainError("rule", `This claim needs re-review before it can be published: ${claim.needsReviewReason ?? "its evidence changed"}`);
      // A verdict on words the source no longer prints is re-reviewed before it goes out (docs/decisions/023).
      if (claim.sourceChanged) throw new DomainError("rule", "The source article changed this claim's words: save a verdict again before publishing it.");
      const [last, links, approver] = await Promise.all([
        tx.verdictEvent.findFirst({
          where: { claimId, kind: "VERDICT" },
          orderBy: [{ at: "desc" }, { id: "desc" }],
          select: { rationale: true, at: true, actor: { select: { name: true } } },
        }),
        tx.claimLink.findMany({
          where: { fromClaimId: claimId, state: "CONFIRMED" },
          orderBy: [{ relation: "asc" }, { score: "desc" }, { toClaimId: "asc" }],
          select: { toClaimId: true, relation: true, independent: true, confirmedAt: true, confirmedBy: { select: { name: true } } },
        }),
        tx.user.findUniqueOrThrow({ where: { id: actorId }, select: { name: true } }),
      ]);
      const problem = verdictCheck(
        lower(claim.status) as Verdict,
        links.map((l) => ({ relation: lower(l.relation), independent: l.independent })),
        last?.rationale,
      );
      if (problem) throw new DomainError("rule", `The verdict no longer holds: ${problem}`);
      const now = new Date();
      const snapshot = buildSnapshot({
        status: claim.status,
        rationale: last?.rationale ?? null,
        reviewer: last?.actor?.name ?? null,
        reviewedAt: last?.at ?? now,
        approvedBy: approver.name,
        approvedAt: now,
        links: links.map((l) => ({
          claimId: l.toClaimId,
          relation: l.relation,
          independent: l.independent,
          confirmedAt: l.confirmedAt,
          confirmedBy: l.confirmedBy?.name ?? null,
        })),
      });
      await tx.claim.update({
        where: { id: claimId },
        data: { published: snapshot as unknown as Prisma.InputJsonObject, publishedAt: now, awaitingApproval: false },
      });
      await recordEvent(tx, {
        claimId,
        actorId,
        verdict: claim.status,
        previous: claim.status,
        linkedClaimIds: links.map((l) => l.toClaimId),
        kind: "APPROVAL",
      });
      await tx.auditLog.create({
        data: { actorId, action: "claim.approve", entity: "Claim", entityId: claimId, data: { status: claim.status, version, disputed: snapshot.disputed } },
      });
      return { claimId, published: snapshot };
    }, TX_OPTIONS);
  } catch (e) {
    if (e instanceof Stale) throw await staleClaimError(db, claimId);
    throw e;
  }
}

// Takes a claim off /r/{id} and the exports. A reviewed claim goes back to awaiting approval.
export async function unpublishClaim(db: Db, actorId: string, claimId: string) {
  return db.$transaction(async (tx) => {
    await lockClaims(tx, [claimId]);
    const claim = await tx.claim.findUnique({ where: { id: claimId }, select: { status: true, publishedAt: true } });
    if (!claim) throw new DomainError("not_found", "No claim has that id.");
    if (!claim.publishedAt) return { claimId, changed: false };
    await tx.claim.update({ where: { id: claimId }, data: { published: Prisma.DbNull, publishedAt: null, awaitingApproval: claim.status !== "UNREVIEWED" } });
    await recordEvent(tx, { claimId, actorId, verdict: claim.status, previous: claim.status, linkedClaimIds: [], kind: "UNPUBLISH" });
    await tx.auditLog.create({ data: { actorId, action: "claim.unpublish", entity: "Claim", entityId: claimId, data: { status: claim.status } } });
    return { claimId, changed: true };
  }, TX_OPTIONS);
}
