import { describe, it, expect } from "vitest";
import { freshDesk } from "@/tests/desk";
import { userWithToken, apiRequest, ctx } from "@/tests/factories";
import { GET, POST } from "./route";
import { PATCH } from "./[id]/route";

const { db, admin, reviewer } = await freshDesk();

const newUser = { email: "New.Person@Example.com", name: "New Person", role: "reviewer" };

describe("users API refusals", () => {
  const calls = [
    ["GET /api/v1/users", (t?: string) => GET(apiRequest("/api/v1/users", { token: t }), ctx())],
    ["POST /api/v1/users", (t?: string) => POST(apiRequest("/api/v1/users", { token: t, body: newUser }), ctx())],
    [
      "PATCH /api/v1/users/:id",
      (t?: string) =>
        PATCH(apiRequest(`/api/v1/users/${reviewer.user.id}`, { method: "PATCH", token: t, body: { action: "deactivate" } }), ctx({ id: reviewer.user.id })),
    ],
  ] as const;

  for (const [name, call] of calls) {
    it(`${name}: a stranger gets 401, a bad token 401, a reviewer 403, and nothing changes`, async () => {
      const before = await db.user.findMany({ orderBy: { email: "asc" } });
      const stranger = await call();
      expect(stranger.status).toBe(401);
      expect(await stranger.json()).toMatchObject({ error: "unauthorized", message: expect.any(String) });
      expect((await call("tri_forged")).status).toBe(401);
      const refused = await call(reviewer.token);
      expect(refused.status).toBe(403);
      expect(await refused.json()).toMatchObject({ error: "forbidden" });
      expect(await db.user.findMany({ orderBy: { email: "asc" } })).toEqual(before);
    });
  }

  it("a revoked token stops working at once", async () => {
    const t = await userWithToken(db, "ADMIN");
    expect((await GET(apiRequest("/api/v1/users", { token: t.token }), ctx())).status).toBe(200);
    await db.apiToken.updateMany({ where: { ownerId: t.user.id }, data: { revokedAt: new Date() } });
    expect((await GET(apiRequest("/api/v1/users", { token: t.token }), ctx())).status).toBe(401);
  });

  it("a deactivated owner's token stops working", async () => {
    const t = await userWithToken(db, "ADMIN");
    await db.user.update({ where: { id: t.user.id }, data: { active: false } });
    expect((await GET(apiRequest("/api/v1/users", { token: t.token }), ctx())).status).toBe(401);
  });
});

describe("users API as admin", () => {
  it("creates a user with a generated password shown once, email normalised", async () => {
    const res = await POST(apiRequest("/api/v1/users", { token: admin.token, body: newUser }), ctx());
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.user).toMatchObject({ email: "new.person@example.com", role: "REVIEWER", active: true });
    expect(body.password).toMatch(/^[a-z0-9]{5}(-[a-z0-9]{5}){3}$/);
    expect(body.user.passwordHash).toBeUndefined();
    const log = await db.auditLog.findFirst({ where: { action: "user.create", entityId: body.user.id } });
    expect(log?.actorId).toBe(admin.user.id);
  });

  it("answers 409 for an email that exists in any letter case", async () => {
    const res = await POST(apiRequest("/api/v1/users", { token: admin.token, body: { ...newUser, email: "NEW.PERSON@example.com" } }), ctx());
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: "conflict" });
  });

  it.each([
    ["a bad email", { ...newUser, email: "nope" }, "bad_request"],
    ["an unknown role", { ...newUser, email: "a@b.co", role: "owner" }, "bad_request"],
    ["a short password", { ...newUser, email: "c@d.co", password: "short" }, "bad_request"],
  ])("answers 400 with zod issues for %s and creates nothing", async (_n, body, code) => {
    const before = await db.user.count();
    const res = await POST(apiRequest("/api/v1/users", { token: admin.token, body }), ctx());
    expect(res.status).toBe(400);
    const json = await res.json();
    expect(json.error).toBe(code);
    expect(Array.isArray(json.issues)).toBe(true);
    expect(await db.user.count()).toBe(before);
  });

  it("answers 400 for malformed JSON and 413 for a body over 2 MB", async () => {
    const bad = await POST(apiRequest("/api/v1/users", { token: admin.token, rawBody: "{nope" }), ctx());
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toBe("invalid_json");
    const huge = await POST(apiRequest("/api/v1/users", { token: admin.token, rawBody: JSON.stringify({ ...newUser, name: "x".repeat(2_100_000) }) }), ctx());
    expect(huge.status).toBe(413);
  });

  it("changes role, resets a password and refuses to demote the last admin", async () => {
    const created = await (await POST(apiRequest("/api/v1/users", { token: admin.token, body: { ...newUser, email: "role@example.com" } }), ctx())).json();
    const id = created.user.id;
    const promote = await PATCH(
      apiRequest(`/api/v1/users/${id}`, { method: "PATCH", token: admin.token, body: { action: "set_role", role: "admin" } }),
      ctx({ id }),
    );
    expect((await promote.json()).user.role).toBe("ADMIN");
    const reset = await (
      await PATCH(apiRequest(`/api/v1/users/${id}`, { method: "PATCH", token: admin.token, body: { action: "reset_password" } }), ctx({ id }))
    ).json();
    expect(reset.password).toBeTruthy();
    const self = await PATCH(
      apiRequest(`/api/v1/users/${admin.user.id}`, { method: "PATCH", token: admin.token, body: { action: "deactivate" } }),
      ctx({ id: admin.user.id }),
    );
    expect(self.status).toBe(422);
    const missing = await PATCH(
      apiRequest(`/api/v1/users/00000000-0000-4000-8000-000000000000`, { method: "PATCH", token: admin.token, body: { action: "deactivate" } }),
      ctx({ id: "00000000-0000-4000-8000-000000000000" }),
    );
    expect(missing.status).toBe(404);
  });
});
