import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { freshDesk } from "@/tests/desk";
import { apiRequest, ctx } from "@/tests/factories";
import { itRefusesAllButAdmins } from "@/tests/refusals";
import { stopBoss } from "@/lib/jobs/queue";
import { FEED_POLL_QUEUE } from "@/lib/jobs/feed-queues";
import { GET, POST } from "./route";
import { GET as GET_ONE, PATCH, DELETE } from "./[id]/route";
import { POST as POLL } from "./[id]/poll/route";

const { db, admin, reviewer } = await freshDesk();
let outlet: { id: string };
let existing: { id: string };

const UNKNOWN = "00000000-0000-4000-8000-000000000000";
const snapshot = () => Promise.all([db.feed.findMany({ orderBy: { url: "asc" } }), db.auditLog.count({ where: { entity: "Feed" } })]);
const one = (method: string, id: string, token?: string, body?: unknown) =>
  ({ GET: GET_ONE, PATCH, DELETE })[method as "GET"](apiRequest(`/api/v1/feeds/${id}`, { method, token, body }), ctx({ id }));
const poll = (id: string, token?: string) => POLL(apiRequest(`/api/v1/feeds/${id}/poll`, { method: "POST", token }), ctx({ id }));

beforeAll(async () => {
  outlet = await db.outlet.create({ data: { name: "Delta Courier" } });
  existing = await db.feed.create({ data: { outletId: outlet.id, url: "https://courier.example/rss" } });
});
afterAll(() => stopBoss());

describe("feeds API refusals", () => {
  itRefusesAllButAdmins(reviewer.token, snapshot, [
    ["GET /api/v1/feeds", (t?: string) => GET(apiRequest("/api/v1/feeds", { token: t }), ctx())],
    [
      "POST /api/v1/feeds",
      (t?: string) => POST(apiRequest("/api/v1/feeds", { token: t, body: { outletId: outlet.id, url: "https://new.example/feed" } }), ctx()),
    ],
    ["GET /api/v1/feeds/:id", (t?: string) => one("GET", existing.id, t)],
    ["PATCH /api/v1/feeds/:id", (t?: string) => one("PATCH", existing.id, t, { paused: true })],
    ["DELETE /api/v1/feeds/:id", (t?: string) => one("DELETE", existing.id, t)],
    ["POST /api/v1/feeds/:id/poll", (t?: string) => poll(existing.id, t)],
  ]);
});

describe("feeds API as admin", () => {
  let created: { id: string };

  it("adds a feed for an outlet, due at once, with an audit row", async () => {
    const res = await POST(
      apiRequest("/api/v1/feeds", { token: admin.token, body: { outletId: outlet.id, url: " https://courier.example/atom.xml#top ", intervalMinutes: 15 } }),
      ctx(),
    );
    expect(res.status).toBe(201);
    const { feed } = await res.json();
    expect(feed).toMatchObject({
      url: "https://courier.example/atom.xml",
      outlet: { id: outlet.id, name: "Delta Courier" },
      intervalMinutes: 15,
      paused: false,
      status: "NEW",
      lastPolledAt: null,
      items: { imported: 0, duplicates: 0, failed: 0, total: 0 },
    });
    expect(new Date(feed.nextPollAt).getTime()).toBeLessThanOrEqual(Date.now());
    created = feed;
    expect(await db.auditLog.findFirst({ where: { action: "feed.create", entityId: feed.id } })).toMatchObject({ actorId: admin.user.id });
  });

  it.each([
    ["a missing address", { outletId: UNKNOWN }],
    ["another scheme", { outletId: UNKNOWN, url: "file:///etc/passwd" }],
    ["a password in the address", { outletId: UNKNOWN, url: "https://user:secret@courier.example/rss" }],
    ["an interval under 5 minutes", { outletId: UNKNOWN, url: "https://x.example/rss", intervalMinutes: 1 }],
    ["an interval that is not whole minutes", { outletId: UNKNOWN, url: "https://x.example/rss", intervalMinutes: 7.5 }],
    ["an outlet id that is not a uuid", { outletId: "reuters", url: "https://x.example/rss" }],
  ])("answers 400 with zod issues for %s and adds nothing", async (_n, body) => {
    const before = await snapshot();
    const res = await POST(apiRequest("/api/v1/feeds", { token: admin.token, body }), ctx());
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: "bad_request", issues: expect.any(Array) });
    expect(await snapshot()).toEqual(before);
  });

  it("answers 409 for a feed already monitored and 422 for an unknown outlet", async () => {
    const before = await snapshot();
    const dup = await POST(apiRequest("/api/v1/feeds", { token: admin.token, body: { outletId: outlet.id, url: "https://courier.example/rss" } }), ctx());
    expect(dup.status).toBe(409);
    expect((await dup.json()).message).toContain("Delta Courier");
    const gone = await POST(apiRequest("/api/v1/feeds", { token: admin.token, body: { outletId: UNKNOWN, url: "https://else.example/rss" } }), ctx());
    expect(gone.status).toBe(422);
    expect(await snapshot()).toEqual(before);
  });

  it("lists feeds and shows one with its items", async () => {
    await db.feedItem.create({ data: { feedId: existing.id, url: "https://courier.example/a", state: "FAILED", error: "The site answered 503." } });
    const { items } = await (await GET(apiRequest("/api/v1/feeds", { token: admin.token }), ctx())).json();
    expect(items.map((f: { url: string; items: { failed: number } }) => [f.url, f.items.failed])).toEqual([
      ["https://courier.example/atom.xml", 0],
      ["https://courier.example/rss", 1],
    ]);
    const res = await one("GET", existing.id, admin.token);
    expect(res.status).toBe(200);
    expect((await res.json()).items).toEqual([expect.objectContaining({ url: "https://courier.example/a", state: "FAILED", error: "The site answered 503." })]);
    expect((await one("GET", UNKNOWN, admin.token)).status).toBe(404);
  });

  it("pauses and resumes, refusing an empty or unknown change", async () => {
    let res = await one("PATCH", created.id, admin.token, { paused: true });
    expect(res.status).toBe(200);
    expect((await res.json()).feed).toMatchObject({ paused: true });
    res = await one("PATCH", created.id, admin.token, { paused: false, intervalMinutes: 120 });
    expect((await res.json()).feed).toMatchObject({ paused: false, intervalMinutes: 120 });
    const actions = (await db.auditLog.findMany({ where: { entityId: created.id }, orderBy: { id: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["feed.create", "feed.pause", "feed.resume"]);
    expect((await one("PATCH", created.id, admin.token, {})).status).toBe(400);
    expect((await one("PATCH", created.id, admin.token, { pause: true })).status).toBe(400);
    expect((await one("PATCH", UNKNOWN, admin.token, { paused: true })).status).toBe(404);
  });

  it("queues a poll now (202) through pg-boss, and 404 for an unknown feed", async () => {
    const res = await poll(created.id, admin.token);
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ id: created.id, queued: true });
    const jobs = await db.$queryRaw<
      { n: number }[]
    >`SELECT count(*)::int AS n FROM pgboss.job WHERE name = ${FEED_POLL_QUEUE} AND data->>'feedId' = ${created.id} AND (data->>'manual')::boolean`;
    expect(jobs[0].n).toBe(1);
    expect((await poll(UNKNOWN, admin.token)).status).toBe(404);
  });

  it("deletes a feed with its items, keeping an audit row", async () => {
    const res = await one("DELETE", existing.id, admin.token);
    expect(res.status).toBe(200);
    expect(await db.feed.count({ where: { id: existing.id } })).toBe(0);
    expect(await db.feedItem.count({ where: { feedId: existing.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "feed.delete", entityId: existing.id } })).toBe(1);
    expect((await one("DELETE", existing.id, admin.token)).status).toBe(404);
  });
});
