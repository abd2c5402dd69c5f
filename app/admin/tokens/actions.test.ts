import { describe, it, expect, vi } from "vitest";
import { freshDesk } from "@/tests/desk";
import { runAs } from "@/lib/auth/current";
import { createToken } from "@/lib/tokens/mutations";
import { hashToken } from "@/lib/auth/tokens";

vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
// The request's headers as a server action sees them, for the calls made outside runAs.
let requestHeaders = new Headers();
vi.mock("next/headers", () => ({ headers: async () => requestHeaders }));
const { createTokenAction, revokeTokenAction } = await import("./actions");

const { db, admin, reviewer } = await freshDesk();

describe("admin token actions", () => {
  it("refuse a stranger (unauthorized) and a reviewer (forbidden), changing nothing", async () => {
    const target = await createToken(db, reviewer.actor, { name: "mine" });
    const before = await db.apiToken.count();
    const create = () => createTokenAction(null, { name: "sneaky", ownerId: reviewer.user.id });
    const revoke = () => revokeTokenAction(null, { id: target.created.id });
    for (const call of [create, revoke]) {
      expect(await runAs(null, call)).toMatchObject({ ok: false, error: "unauthorized" });
      expect(await runAs(reviewer.actor, call)).toMatchObject({ ok: false, error: "forbidden" });
    }
    expect(await db.apiToken.count()).toBe(before);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: target.created.id } })).revokedAt).toBeNull();
  });

  it("let an admin create a token for another user, shown once and stored only as a hash, with audit", async () => {
    const res = await runAs(admin.actor, () => createTokenAction(null, { name: "CMS", ownerId: reviewer.user.id }));
    expect(res).toMatchObject({ ok: true, data: { owner: reviewer.user.email } });
    const secret = res && res.ok ? res.data.secret : "";
    expect(secret).toMatch(/^tri_/);
    const row = await db.apiToken.findUniqueOrThrow({ where: { secretHash: hashToken(secret) } });
    expect(row).toMatchObject({ ownerId: reviewer.user.id, name: "CMS", prefix: secret.slice(0, 12) });
    expect(JSON.stringify(row)).not.toContain(secret);
    const log = await db.auditLog.findFirstOrThrow({ where: { action: "token.create", entityId: row.id } });
    expect(log.actorId).toBe(admin.user.id);
    expect(JSON.stringify(log.data)).not.toContain(secret);
  });

  it("return field errors from the shared schema", async () => {
    const res = await runAs(admin.actor, () => createTokenAction(null, { name: "" }));
    expect(res).toMatchObject({ ok: false, error: "bad_request", fieldErrors: { name: expect.any(Array) } });
  });

  it("a reviewer may not create tokens for someone else through the mutation", async () => {
    await expect(createToken(db, reviewer.actor, { name: "x", ownerId: admin.user.id })).rejects.toMatchObject({ kind: "forbidden" });
  });

  it("revoke once, with audit; revoking again changes nothing", async () => {
    const t = await createToken(db, admin.actor, { name: "temp" });
    expect(await runAs(admin.actor, () => revokeTokenAction(null, { id: t.created.id }))).toMatchObject({ ok: true, data: { prefix: t.created.prefix } });
    expect(await runAs(admin.actor, () => revokeTokenAction(null, { id: t.created.id }))).toMatchObject({ ok: true });
    expect(await db.auditLog.count({ where: { action: "token.revoke", entityId: t.created.id } })).toBe(1);
  });

  // The attack run: createTokenAction posted with "Authorization: Bearer" minted a working token.
  it("refuse an API token, whether sent as a header or as a token actor, and mint nothing", async () => {
    const before = await db.apiToken.count();
    requestHeaders = new Headers({ authorization: `Bearer ${admin.token}` });
    expect(await createTokenAction(null, { name: "minted", ownerId: reviewer.user.id })).toMatchObject({ ok: false, error: "unauthorized" });
    requestHeaders = new Headers();
    expect(await runAs(admin.tokenActor, () => createTokenAction(null, { name: "minted" }))).toMatchObject({ ok: false, error: "unauthorized" });
    await expect(createToken(db, admin.tokenActor, { name: "minted" })).rejects.toMatchObject({ kind: "forbidden" });
    expect(await db.apiToken.count()).toBe(before);
  });
});
