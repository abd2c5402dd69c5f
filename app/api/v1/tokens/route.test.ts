import { describe, it, expect } from "vitest";
import { freshDesk } from "@/tests/desk";
import { apiRequest, ctx } from "@/tests/factories";
import { runAs } from "@/lib/auth/current";
import { GET, POST } from "./route";
import { DELETE } from "./[id]/route";

const { db, admin, reviewer } = await freshDesk();

const list = (t?: string) => GET(apiRequest("/api/v1/tokens", { token: t }), ctx());
// Tokens are created from a signed-in session (a token may not mint tokens), so `create` acts as
// the session of the user whose token is named; an unknown token is sent as a token.
const create = (t: string | undefined, body: unknown) => {
  const user = [admin, reviewer].find((u) => u.token === t);
  const sameSite = { origin: "http://localhost:3000", host: "localhost:3000" };
  const call = () => POST(apiRequest("/api/v1/tokens", user ? { body, headers: sameSite } : { token: t, body }), ctx());
  return user ? runAs({ ...user.actor, via: "session" }, call) : call();
};
const revoke = (t: string | undefined, id: string) => DELETE(apiRequest(`/api/v1/tokens/${id}`, { method: "DELETE", token: t }), ctx({ id }));

describe("tokens API", () => {
  it("refuses strangers and bad tokens", async () => {
    expect((await list()).status).toBe(401);
    expect((await create("tri_forged", { name: "x" })).status).toBe(401);
    expect((await revoke(undefined, "00000000-0000-4000-8000-000000000000")).status).toBe(401);
  });

  it("lets a reviewer manage only their own tokens", async () => {
    const res = await create(reviewer.token, { name: "script" });
    expect(res.status).toBe(201);
    const { token, secret } = await res.json();
    expect(secret).toMatch(/^tri_/);
    expect(token).toMatchObject({ name: "script", owner: { id: reviewer.user.id }, revokedAt: null });
    expect(token.secretHash).toBeUndefined();
    const mine = (await (await list(reviewer.token)).json()).items;
    expect(mine.every((t: { owner: { id: string } }) => t.owner.id === reviewer.user.id)).toBe(true);
    expect((await create(reviewer.token, { name: "theirs", ownerId: admin.user.id })).status).toBe(403);
    const adminTokenId = (await db.apiToken.findFirstOrThrow({ where: { ownerId: admin.user.id } })).id;
    expect((await revoke(reviewer.token, adminTokenId)).status).toBe(404);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: adminTokenId } })).revokedAt).toBeNull();
    // The new token works, then stops once revoked.
    expect((await list(secret)).status).toBe(200);
    expect((await revoke(reviewer.token, token.id)).status).toBe(200);
    expect((await list(secret)).status).toBe(401);
  });

  it("lets an admin list everyone's tokens and create one for a reviewer", async () => {
    const res = await create(admin.token, { name: "for reviewer", ownerId: reviewer.user.id });
    expect(res.status).toBe(201);
    const owners = new Set((await (await list(admin.token)).json()).items.map((t: { owner: { id: string } }) => t.owner.id));
    expect(owners).toEqual(new Set([admin.user.id, reviewer.user.id]));
    expect((await create(admin.token, { name: "" })).status).toBe(400);
  });
});
