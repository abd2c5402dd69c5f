import { describe, it, expect, beforeAll } from "vitest";
import { freshDesk } from "@/tests/desk";
import { apiRequest, ctx } from "@/tests/factories";
import { itRefusesAllButAdmins } from "@/tests/refusals";
import { GET, POST } from "./route";
import { PATCH } from "./[id]/route";

const { db, admin, reviewer } = await freshDesk();
let existing: { id: string };

const UNKNOWN = "00000000-0000-4000-8000-000000000000";
const newOutlet = {
  name: "  The Moscow Times ",
  domain: "https://www.TheMoscowTimes.com/news/2024",
  originGroup: "Independent Russian press",
  notes: "Based in Amsterdam.",
};
const snapshot = () => Promise.all([db.outlet.findMany({ orderBy: { name: "asc" } }), db.auditLog.count({ where: { entity: "Outlet" } })]);
const patch = (id: string, body: unknown, token?: string) => PATCH(apiRequest(`/api/v1/outlets/${id}`, { method: "PATCH", token, body }), ctx({ id }));

beforeAll(async () => {
  existing = await db.outlet.create({ data: { name: "Reuters", domain: "reuters.com", originGroup: "Reuters wire" } });
  await db.article.create({ data: { outletId: existing.id, rawText: "A fact.", text: "A fact.", contentHash: "h-reuters-1" } });
});

describe("outlets API refusals", () => {
  it("GET: a stranger gets 401 and a bad token 401; a reviewer may read", async () => {
    const stranger = await GET(apiRequest("/api/v1/outlets"), ctx());
    expect(stranger.status).toBe(401);
    expect(await stranger.json()).toMatchObject({ error: "unauthorized", message: expect.any(String) });
    expect((await GET(apiRequest("/api/v1/outlets", { token: "tri_forged" }), ctx())).status).toBe(401);
    const res = await GET(apiRequest("/api/v1/outlets", { token: reviewer.token }), ctx());
    expect(res.status).toBe(200);
    expect((await res.json()).items).toContainEqual({
      id: existing.id,
      name: "Reuters",
      domain: "reuters.com",
      originGroup: "Reuters wire",
      notes: null,
      articleCount: 1,
    });
  });

  itRefusesAllButAdmins(reviewer.token, snapshot, [
    ["POST /api/v1/outlets", (t?: string) => POST(apiRequest("/api/v1/outlets", { token: t, body: newOutlet }), ctx())],
    ["PATCH /api/v1/outlets/:id", (t?: string) => patch(existing.id, { originGroup: "Someone else" }, t)],
  ]);
});

describe("outlets API as admin", () => {
  let created: { id: string };

  it("creates an outlet, trimming the name and keeping only the hostname of a pasted address", async () => {
    const res = await POST(apiRequest("/api/v1/outlets", { token: admin.token, body: newOutlet }), ctx());
    expect(res.status).toBe(201);
    const { outlet } = await res.json();
    expect(outlet).toEqual({
      id: expect.any(String),
      name: "The Moscow Times",
      domain: "www.themoscowtimes.com",
      originGroup: "Independent Russian press",
      notes: "Based in Amsterdam.",
      articleCount: 0,
    });
    created = outlet;
    const log = await db.auditLog.findFirst({ where: { action: "outlet.create", entityId: outlet.id } });
    expect(log?.actorId).toBe(admin.user.id);
  });

  it("lists outlets by name with their article counts", async () => {
    const { items } = await (await GET(apiRequest("/api/v1/outlets", { token: admin.token }), ctx())).json();
    expect(items.map((o: { name: string; articleCount: number }) => [o.name, o.articleCount])).toEqual([
      ["Reuters", 1],
      ["The Moscow Times", 0],
    ]);
  });

  it("answers 409 for a name that exists in any letter case, and creates nothing", async () => {
    const before = await snapshot();
    const res = await POST(apiRequest("/api/v1/outlets", { token: admin.token, body: { name: "REUTERS" } }), ctx());
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: "conflict" });
    const rename = await patch(created.id, { name: "reuters" }, admin.token);
    expect(rename.status).toBe(409);
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ["an empty name", { name: "   " }],
    ["a missing name", { domain: "example.com" }],
    ["a name over 200 characters", { name: "x".repeat(201) }],
    ["a domain with spaces", { name: "Spaced", domain: "reuters .com" }],
    ["a domain with another scheme", { name: "Ftp", domain: "ftp://reuters.com" }],
    ["a domain with a path but no scheme", { name: "Path", domain: "reuters.com/world" }],
    ["notes over 2000 characters", { name: "Wordy", notes: "x".repeat(2001) }],
  ])("answers 400 with zod issues for %s and creates nothing", async (_n, body) => {
    const before = await snapshot();
    const res = await POST(apiRequest("/api/v1/outlets", { token: admin.token, body }), ctx());
    expect(res.status).toBe(400);
    const json = await res.json();
    expect(json.error).toBe("bad_request");
    expect(Array.isArray(json.issues)).toBe(true);
    expect(await snapshot()).toEqual(before);
  });

  it("updates only the fields sent, clears a field sent as null, and logs the change", async () => {
    const res = await patch(created.id, { originGroup: "Meduza network", notes: null }, admin.token);
    expect(res.status).toBe(200);
    expect((await res.json()).outlet).toEqual({
      id: created.id,
      name: "The Moscow Times",
      domain: "www.themoscowtimes.com",
      originGroup: "Meduza network",
      notes: null,
      articleCount: 0,
    });
    const log = await db.auditLog.findFirst({ where: { action: "outlet.update", entityId: created.id } });
    expect(log).toMatchObject({
      actorId: admin.user.id,
      data: { originGroup: { from: "Independent Russian press", to: "Meduza network" }, notes: { from: "Based in Amsterdam.", to: null } },
    });
  });

  it("answers 400 for a bad or empty change and changes nothing", async () => {
    const before = await snapshot();
    for (const body of [{ domain: "http//nope" }, {}, { origin_group: "typo" }, { name: "" }]) {
      const res = await patch(created.id, body, admin.token);
      expect(res.status).toBe(400);
      expect((await res.json()).error).toBe("bad_request");
    }
    expect(await snapshot()).toEqual(before);
  });

  it("answers 404 for an unknown outlet and 400 for an id that is not one", async () => {
    const missing = await patch(UNKNOWN, { name: "Ghost" }, admin.token);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: "not_found" });
    expect((await patch("nope", { name: "Ghost" }, admin.token)).status).toBe(400);
    expect(await db.outlet.count({ where: { name: "Ghost" } })).toBe(0);
  });
});
