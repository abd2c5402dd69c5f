import "server-only";
import type { Db, Tx } from "../db/client";
import { hashPassword, generatePassword } from "../auth/password";
import { DomainError } from "../errors";
import { publicUser, type CreateUserInput, type UpdateUserInput } from "./schema";

// Writes take an explicit actor id (null for the CLI and seed) and log to AuditLog in the same
// transaction, so no change exists without its record.

export async function createUser(db: Db, actorId: string | null, input: CreateUserInput) {
  const password = input.password ?? generatePassword();
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const exists = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
    if (exists) throw new DomainError("conflict", `A user with the email ${input.email} already exists.`);
    const user = await tx.user.create({ data: { email: input.email, name: input.name, role: input.role, passwordHash }, select: publicUser });
    await tx.auditLog.create({ data: { actorId, action: "user.create", entity: "User", entityId: user.id, data: { email: user.email, role: user.role } } });
    return { user, password, generated: !input.password };
  });
}

export async function updateUser(db: Db, actorId: string | null, input: UpdateUserInput) {
  const newPassword = input.action === "reset_password" ? generatePassword() : null;
  const passwordHash = newPassword ? await hashPassword(newPassword) : undefined;
  return db.$transaction(async (tx) => {
    const target = await tx.user.findUnique({ where: { id: input.id } });
    if (!target) throw new DomainError("not_found", "No such user.");
    const selfHarm = input.id === actorId && (input.action === "deactivate" || (input.action === "set_role" && input.role !== "ADMIN"));
    if (selfHarm) throw new DomainError("rule", "You cannot deactivate or demote yourself; ask another admin.");
    const losesAdmin = target.role === "ADMIN" && target.active && (input.action === "deactivate" || (input.action === "set_role" && input.role !== "ADMIN"));
    // Locking the active admins makes two admins demoting each other at once take turns.
    if (losesAdmin) await tx.$queryRaw`SELECT id FROM "User" WHERE role = 'ADMIN' AND active FOR UPDATE`;
    if (losesAdmin && (await tx.user.count({ where: { role: "ADMIN", active: true } })) <= 1)
      throw new DomainError("rule", "The desk needs at least one active admin.");
    const now = new Date();
    const data =
      input.action === "deactivate"
        ? { active: false, sessionsValidAfter: now }
        : input.action === "reactivate"
          ? { active: true }
          : input.action === "set_role"
            ? { role: input.role }
            : { passwordHash, sessionsValidAfter: now };
    const user = await tx.user.update({ where: { id: input.id }, data, select: publicUser });
    const logged = input.action === "set_role" ? { from: target.role, to: input.role } : {};
    await tx.auditLog.create({ data: { actorId, action: `user.${input.action}`, entity: "User", entityId: user.id, data: logged } });
    // Deactivation and a password reset end what the old access could do: tokens too, for good
    // (reactivating does not bring them back). Each revoked token gets its audit row.
    if (input.action === "deactivate" || input.action === "reset_password") await revokeTokensOf(tx, actorId, user.id, input.action);
    return { user, password: newPassword };
  });
}

async function revokeTokensOf(tx: Tx, actorId: string | null, ownerId: string, reason: string) {
  const live = await tx.apiToken.findMany({ where: { ownerId, revokedAt: null }, select: { id: true, prefix: true } });
  if (!live.length) return;
  await tx.apiToken.updateMany({ where: { id: { in: live.map((t) => t.id) } }, data: { revokedAt: new Date() } });
  await tx.auditLog.createMany({
    data: live.map((t) => ({ actorId, action: "token.revoke", entity: "ApiToken", entityId: t.id, data: { prefix: t.prefix, reason: `user.${reason}` } })),
  });
}
