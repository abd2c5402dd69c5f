import "server-only";
import type { Db } from "../db/client";
import type { Actor } from "../auth/actor";
import { createApiToken } from "../auth/tokens";
import { DomainError } from "../errors";
import { publicToken } from "./data";
import type { CreateTokenInput } from "./schema";

type TokenActor = Pick<Actor, "id" | "role" | "via">;

/**
 * Creates a token for the actor, or (admins only) for another active user. The secret is returned
 * once and only its hash is kept. The token and its audit row are written in one transaction.
 */
export async function createToken(db: Db, actor: TokenActor, input: CreateTokenInput) {
  // A leaked token must not mint successors that outlive its revocation. The rule lives here, so
  // every way in (API, server action, CLI) obeys it.
  if (actor.via === "token") throw new DomainError("forbidden", "Create tokens from a signed-in session, not with a token.");
  const ownerId = input.ownerId ?? actor.id;
  if (ownerId !== actor.id && actor.role !== "ADMIN") throw new DomainError("forbidden", "Only admins may create tokens for other users.");
  return db.$transaction(async (tx) => {
    const owner = await tx.user.findUnique({ where: { id: ownerId }, select: { id: true, email: true, active: true } });
    if (!owner) throw new DomainError("not_found", "No such user.");
    if (!owner.active) throw new DomainError("rule", "That user is deactivated; reactivate them first.");
    const { token, row } = await createApiToken(tx as unknown as Db, owner.id, input.name);
    await tx.auditLog.create({
      data: {
        actorId: actor.id,
        action: "token.create",
        entity: "ApiToken",
        entityId: row.id,
        data: { owner: owner.email, prefix: row.prefix, name: input.name },
      },
    });
    const created = await tx.apiToken.findUniqueOrThrow({ where: { id: row.id }, select: publicToken });
    return { token, created };
  });
}

// Revocation takes effect on the next request: every request looks the token up afresh.
export async function revokeToken(db: Db, actor: TokenActor, id: string) {
  return db.$transaction(async (tx) => {
    const row = await tx.apiToken.findUnique({ where: { id }, select: { id: true, ownerId: true, prefix: true, revokedAt: true } });
    // Another user's token is "not found" to a non-admin, so ids cannot be probed.
    if (!row || (row.ownerId !== actor.id && actor.role !== "ADMIN")) throw new DomainError("not_found", "No such token.");
    // Only the call that actually revokes writes the audit row, even when two arrive at once.
    const { count } = await tx.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count === 1)
      await tx.auditLog.create({ data: { actorId: actor.id, action: "token.revoke", entity: "ApiToken", entityId: id, data: { prefix: row.prefix } } });
    return tx.apiToken.findUniqueOrThrow({ where: { id }, select: publicToken });
  });
}
