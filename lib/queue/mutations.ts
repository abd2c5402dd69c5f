import "server-only";
import type { Db } from "../db/client";
import type { Role } from "../auth/actor";
import { DomainError } from "../errors";
import type { AssignClaimInput } from "./schema";

/**
 * Sets who reviews a claim. Anyone signed in may take a claim for themselves; only admins hand a
 * claim to someone else or leave it unassigned. The claim's version is not bumped: assignment does
 * not change what a verdict is based on, so it must not make a reviewer's open verdict form stale.
 */
export async function assignClaim(db: Db, actor: { id: string; role: Role }, input: AssignClaimInput) {
  const assigneeId = input.assigneeId === "me" ? actor.id : input.assigneeId;
  if (assigneeId !== actor.id && actor.role !== "ADMIN") throw new DomainError("forbidden", "Only admins may assign claims to someone else.");
  return db.$transaction(async (tx) => {
    const claim = await tx.claim.findUnique({ where: { id: input.claimId }, select: { id: true, assigneeId: true } });
    if (!claim) throw new DomainError("not_found", "No such claim.");
    const assignee = assigneeId ? await tx.user.findUnique({ where: { id: assigneeId }, select: { id: true, name: true, active: true } }) : null;
    if (assigneeId && !assignee?.active) throw new DomainError("rule", "Claims can be assigned only to active users.");
    if (claim.assigneeId !== assigneeId) {
      await tx.claim.update({ where: { id: claim.id }, data: { assigneeId } });
      await tx.auditLog.create({
        data: { actorId: actor.id, action: "claim.assign", entity: "Claim", entityId: claim.id, data: { from: claim.assigneeId, to: assigneeId } },
      });
    }
    return { claimId: claim.id, assignee: assignee ? { id: assignee.id, name: assignee.name } : null };
  });
}
