import { describe, it, expect, beforeAll } from "vitest";
import { freshDatabase } from "../../tests/db";
import { userWithToken } from "../../tests/factories";
import { updateUser } from "./mutations";
import { createApiToken, findTokenOwner } from "../auth/tokens";
import type { Db } from "../db/client";

let db: Db;
let admin: Awaited<ReturnType<typeof userWithToken>>;
beforeAll(async () => {
  db = (await freshDatabase()).db;
  admin = await userWithToken(db, "ADMIN");
});

describe("account changes end API tokens", () => {
  it("a deactivated user's tokens stay dead after reactivation, with an audit row per token", async () => {
    const u = await userWithToken(db, "REVIEWER");
    const second = await createApiToken(db, u.user.id, "second");
    expect(await findTokenOwner(db, u.token)).not.toBeNull();
    await updateUser(db, admin.user.id, { id: u.user.id, action: "deactivate" });
    await updateUser(db, admin.user.id, { id: u.user.id, action: "reactivate" });
    expect(await findTokenOwner(db, u.token)).toBeNull();
    expect(await findTokenOwner(db, second.token)).toBeNull();
    const rows = await db.auditLog.findMany({ where: { action: "token.revoke", entity: "ApiToken", actorId: admin.user.id } });
    expect(rows.map((r) => r.entityId).sort()).toEqual((await db.apiToken.findMany({ where: { ownerId: u.user.id } })).map((t) => t.id).sort());
    expect(rows[0].data).toMatchObject({ reason: "user.deactivate" });
  });

  it("a password reset revokes the user's tokens; a role change does not", async () => {
    const u = await userWithToken(db, "REVIEWER");
    await updateUser(db, admin.user.id, { id: u.user.id, action: "set_role", role: "ADMIN" });
    expect(await findTokenOwner(db, u.token)).not.toBeNull();
    await updateUser(db, admin.user.id, { id: u.user.id, action: "reset_password" });
    expect(await findTokenOwner(db, u.token)).toBeNull();
    expect(await db.auditLog.count({ where: { action: "token.revoke", data: { path: ["reason"], equals: "user.reset_password" } } })).toBe(1);
  });
});
