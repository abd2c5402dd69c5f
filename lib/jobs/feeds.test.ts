import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { freshDatabase } from "../../tests/db";
import { fixtureServer } from "../../tests/fixture-server";
import { newsPage } from "../../tests/news-page";
import { parseAllowHosts } from "../fetch/safe-fetch";
import { getBoss, stopBoss } from "./queue";
import { dueFeeds, enqueueDueFeeds, enqueueFeedPoll, startFeedWorker } from "./feeds";
import { FEED_POLL_QUEUE, FEEDS_DUE_QUEUE, FEEDS_DUE_CRON, type FeedPollJob } from "./feed-queues";
import type { Db } from "../db/client";

const PORT = 3261;
let db: Db;
let url: string;
let base: string;
let outletId: string;

beforeAll(async () => {
  ({ db, url } = await freshDatabase());
  const s = await fixtureServer(PORT);
  base = s.base;
  outletId = (await db.outlet.create({ data: { name: "Delta Courier" } })).id;
  s.routes["/feed.xml"] = (_q, r) =>
    void r
      .writeHead(200, { "content-type": "application/rss+xml" })
      .end(`<rss version="2.0"><channel><title>Courier</title><item><title>Flood</title><link>${base}/news/flood</link></item></channel></rss>`);
  s.routes["/news/flood"] = s.html(
    newsPage([
      "Officials in the delta province said on Monday that 12,000 people had been moved to emergency shelters after the river burst its banks.",
      "The provincial governor said the army had deployed 40 boats to reach villages cut off by the water.",
    ]),
  );
});
afterAll(() => stopBoss());

const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000);

describe("which feeds are due", () => {
  it("those whose time has come, not paused and not being polled; oldest first", async () => {
    const mk = (name: string, data: { nextPollAt: Date; paused?: boolean; pollingSince?: Date | null }) =>
      db.feed.create({ data: { outletId, url: `https://due.example/${name}`, ...data } });
    const late = await mk("late", { nextPollAt: ago(30) });
    const due = await mk("due", { nextPollAt: ago(1) });
    await mk("future", { nextPollAt: ago(-30) });
    await mk("paused", { nextPollAt: ago(30), paused: true });
    await mk("polling", { nextPollAt: ago(30), pollingSince: ago(1) });
    const stale = await mk("stale-lease", { nextPollAt: ago(5), pollingSince: ago(60) });
    expect(await dueFeeds(db)).toEqual([late.id, stale.id, due.id]);
    const sent: FeedPollJob[] = [];
    expect(await enqueueDueFeeds(db, async (j) => void sent.push(j))).toBe(3);
    expect(sent).toEqual([{ feedId: late.id }, { feedId: stale.id }, { feedId: due.id }]);
    await db.feed.deleteMany({ where: { url: { startsWith: "https://due.example/" } } });
  });
});

describe("the feed queues", () => {
  it("queue a feed once while its poll waits; an admin's poll has its own place", async () => {
    const boss = await getBoss(url);
    const { installFeedQueues } = await import("./feed-queues");
    await installFeedQueues(boss);
    const feedId = "00000000-0000-4000-8000-00000000f00d";
    expect(await enqueueFeedPoll({ feedId }, url)).toEqual(expect.any(String));
    expect(await enqueueFeedPoll({ feedId }, url)).toBeNull();
    expect(await enqueueFeedPoll({ feedId, manual: true }, url)).toEqual(expect.any(String));
    const waiting = await db.$queryRaw<
      { n: number }[]
    >`SELECT count(*)::int AS n FROM pgboss.job WHERE name = ${FEED_POLL_QUEUE} AND data->>'feedId' = ${feedId} AND state = 'created'`;
    expect(waiting[0].n).toBe(2);
    await boss.deleteQueue(FEED_POLL_QUEUE).catch(() => undefined);
    await installFeedQueues(boss);
  });

  it("the worker registers the minute scan and polls a feed an admin asked for, importing its item", async () => {
    const boss = await startFeedWorker(db, url, () => undefined, {
      fetchOptions: { allowHosts: parseAllowHosts(`127.0.0.1:${PORT}`) },
      enqueueMatch: async () => undefined,
    });
    const schedules = await boss.getSchedules();
    expect(schedules.map((s) => [s.name, s.cron])).toContainEqual([FEEDS_DUE_QUEUE, FEEDS_DUE_CRON]);
    const feed = await db.feed.create({ data: { outletId, url: `${base}/feed.xml`, paused: true } });
    await enqueueFeedPoll({ feedId: feed.id, manual: true }, url);
    await expect.poll(() => db.feedItem.count({ where: { feedId: feed.id, state: "IMPORTED" } }), { timeout: 30_000, interval: 250 }).toBe(1);
    const row = await db.feed.findUniqueOrThrow({ where: { id: feed.id } });
    expect(row).toMatchObject({ status: "OK", title: "Courier", paused: true });
    const item = await db.feedItem.findFirstOrThrow({ where: { feedId: feed.id }, include: { article: true } });
    expect(item.article?.outletId).toBe(outletId);
    // The minute's scan (sent here by hand rather than waiting for the cron) polls a due feed.
    const due = await db.feed.create({ data: { outletId, url: `${base}/feed.xml?copy=2`, nextPollAt: ago(1) } });
    await boss.send(FEEDS_DUE_QUEUE, {});
    await expect.poll(async () => (await db.feed.findUniqueOrThrow({ where: { id: due.id } })).status, { timeout: 30_000, interval: 250 }).toBe("OK");
    expect(await db.feedItem.findFirstOrThrow({ where: { feedId: due.id } })).toMatchObject({ state: "DUPLICATE", articleId: item.articleId });
  });
});
