import { describe, it, expect, beforeAll, afterAll, vi } from "vitest";
import { freshDesk } from "@/tests/desk";
import { form } from "@/tests/factories";
import { runAs } from "@/lib/auth/current";
import { stopBoss } from "@/lib/jobs/queue";
import { FEED_POLL_QUEUE } from "@/lib/jobs/feed-queues";

// revalidatePath needs a Next request around it; the cache is not what these tests are about.
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
const { createFeedAction, updateFeedAction, pollFeedNowAction, deleteFeedAction } = await import("./actions");

const { db, admin, reviewer } = await freshDesk();
let outlet: { id: string };
let feed: { id: string };

beforeAll(async () => {
  outlet = await db.outlet.create({ data: { name: "Delta Courier" } });
  feed = await db.feed.create({ data: { outletId: outlet.id, url: "https://courier.example/rss" } });
});
afterAll(() => stopBoss());

describe("admin feed actions", () => {
  const calls: (() => Promise<unknown>)[] = [
    () => createFeedAction(null, form({ outletId: outlet.id, url: "https://new.example/feed", intervalMinutes: "30" })),
    () => updateFeedAction(null, form({ id: feed.id, paused: "true" })),
    () => pollFeedNowAction(null, form({ id: feed.id })),
    () => deleteFeedAction(null, form({ id: feed.id })),
  ];

  it("refuse a stranger (unauthorized) and a reviewer (forbidden), changing nothing", async () => {
    const before = await db.feed.findMany({ orderBy: { url: "asc" } });
    for (const call of calls) {
      expect(await runAs(null, call)).toMatchObject({ ok: false, error: "unauthorized" });
      expect(await runAs(reviewer.actor, call)).toMatchObject({ ok: false, error: "forbidden" });
    }
    expect(await db.feed.findMany({ orderBy: { url: "asc" } })).toEqual(before);
    expect(await db.auditLog.count({ where: { entity: "Feed" } })).toBe(0);
  });

  it("return field errors from the shared schema", async () => {
    const res = await runAs(admin.actor, () => createFeedAction(null, form({ outletId: "", url: "ftp://x.example/feed", intervalMinutes: "2" })));
    expect(res).toMatchObject({ ok: false, error: "bad_request" });
    expect(res && !res.ok && Object.keys(res.fieldErrors ?? {}).sort()).toEqual(["intervalMinutes", "outletId", "url"]);
  });

  it("let an admin add a feed (the default interval when left empty), pause it, poll it now and remove it", async () => {
    const created = await runAs(admin.actor, () => createFeedAction(null, form({ outletId: outlet.id, url: "https://new.example/feed", intervalMinutes: "" })));
    expect(created).toMatchObject({ ok: true, data: { url: "https://new.example/feed", outlet: "Delta Courier" } });
    const id = created && created.ok ? created.data.id : "";
    expect(await db.feed.findUniqueOrThrow({ where: { id } })).toMatchObject({ intervalMinutes: 60, paused: false, createdById: admin.user.id });
    expect(await runAs(admin.actor, () => updateFeedAction(null, form({ id, paused: "true" })))).toMatchObject({ ok: true, data: { paused: true } });
    expect(await runAs(admin.actor, () => pollFeedNowAction(null, form({ id })))).toMatchObject({ ok: true, data: { queued: true } });
    const jobs = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = ${FEED_POLL_QUEUE} AND data->>'feedId' = ${id}`;
    expect(jobs[0].n).toBe(1);
    expect(await runAs(admin.actor, () => deleteFeedAction(null, form({ id })))).toMatchObject({ ok: true });
    expect(await db.feed.count({ where: { id } })).toBe(0);
    const actions = (await db.auditLog.findMany({ where: { entityId: id }, orderBy: { id: "asc" } })).map((a) => [a.action, a.actorId]);
    expect(actions).toEqual([
      ["feed.create", admin.user.id],
      ["feed.pause", admin.user.id],
      ["feed.poll", admin.user.id],
      ["feed.delete", admin.user.id],
    ]);
  });
});
