import type http from "node:http";
import { describe, it, expect, beforeAll } from "vitest";
import { freshDatabase } from "../../tests/db";
import { fixtureServer, type FixtureHandler } from "../../tests/fixture-server";
import { newsPage } from "../../tests/news-page";
import { parseAllowHosts } from "../fetch/safe-fetch";
import { pollFeed, backoffMinutes, type PollDeps } from "./poll";
import type { Db } from "../db/client";

// Feeds served by a local fixture server on this helper's port range; the fetcher reaches it only
// through the test's allow-list (the same code path as FETCH_ALLOW_HOSTS).
const PORT = 3260;
const DEAD_PORT = 3269; // nothing listens here
const fetchOptions = { allowHosts: parseAllowHosts(`127.0.0.1:${PORT},127.0.0.1:${DEAD_PORT}`), timeoutMs: 3000 };
let db: Db;
let base: string;
let routes: Record<string, FixtureHandler>;
let queued: string[] = [];
const deps: PollDeps = { fetchOptions, enqueueMatch: async (id) => void queued.push(id) };

// Each story its own text, so only the planted copy shares a content hash.
const story = (n: number, place: string) => [
  `Officials in ${place} said on Monday that ${n * 1000} people had been moved to shelters after the river burst its banks.`,
  `The governor of ${place} said the army had deployed ${n * 4} boats to reach villages cut off by the water.`,
];

type Entry = { path: string; title: string; date?: string };
const rss = (items: Entry[]) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>Delta Courier</title><link>${base}/</link>
${items.map((i) => `<item><title><![CDATA[${i.title}]]></title><link>${base}${i.path}</link><guid isPermaLink="false">${i.path}</guid><pubDate>${i.date ?? "Mon, 20 Nov 2026 08:00:00 GMT"}</pubDate></item>`).join("\n")}
</channel></rss>`;
const atom = (items: Entry[]) => `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>River Watch</title><id>urn:river</id><updated>2026-11-20T08:00:00Z</updated>
${items.map((i) => `<entry><title>${i.title}</title><link rel="alternate" type="text/html" href="${i.path}"/><id>urn:${i.path}</id><updated>${i.date ?? "2026-11-20T08:00:00Z"}</updated></entry>`).join("\n")}
</feed>`;

// A feed route that honours conditional requests the way real servers do, and remembers what it was asked.
type Served = { body: string; etag?: string; lastModified?: string; type?: string; status?: number };
const asked: Record<string, http.IncomingHttpHeaders[]> = {};
function feedRoute(path: string, current: () => Served): FixtureHandler {
  return (req, res) => {
    (asked[path] ??= []).push(req.headers);
    const s = current();
    if (s.status && s.status !== 200) return void res.writeHead(s.status, { "content-type": "text/plain" }).end("down");
    const validators = { ...(s.etag ? { etag: s.etag } : {}), ...(s.lastModified ? { "last-modified": s.lastModified } : {}) };
    if ((s.etag && req.headers["if-none-match"] === s.etag) || (!s.etag && s.lastModified && req.headers["if-modified-since"] === s.lastModified)) {
      return void res.writeHead(304, validators).end();
    }
    res.writeHead(200, { "content-type": s.type ?? "application/rss+xml; charset=utf-8", ...validators }).end(s.body);
  };
}
const pageHits: Record<string, number> = {};
const page =
  (path: string, paragraphs: string[], title: string): FixtureHandler =>
  (_req, res) => {
    pageHits[path] = (pageHits[path] ?? 0) + 1;
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(newsPage(paragraphs, { title }));
  };

let outletId: string;
let otherOutletId: string;
const newFeed = (url: string, data: { outletId?: string; paused?: boolean; intervalMinutes?: number } = {}) =>
  db.feed.create({ data: { url, outletId: data.outletId ?? outletId, paused: data.paused ?? false, intervalMinutes: data.intervalMinutes ?? 30 } });
const counts = async (feedId: string) => ({
  articles: await db.article.count(),
  items: Object.fromEntries((await db.feedItem.groupBy({ by: ["state"], where: { feedId }, _count: { _all: true } })).map((g) => [g.state, g._count._all])),
});

beforeAll(async () => {
  db = (await freshDatabase()).db;
  const s = await fixtureServer(PORT);
  base = s.base;
  routes = s.routes;
  outletId = (await db.outlet.create({ data: { name: "Delta Courier", domain: "127.0.0.1" } })).id;
  otherOutletId = (await db.outlet.create({ data: { name: "River Watch" } })).id;
  Object.assign(routes, {
    "/news/a": page("/news/a", story(12, "the delta province"), "Twelve thousand moved to shelters"),
    "/news/b": page("/news/b", story(7, "the northern district"), "Seven thousand moved in the north"),
    // The same story as /news/b under another address (a syndicated copy): one article, by content hash.
    "/copies/b": page("/copies/b", story(7, "the northern district"), "Seven thousand moved in the north"),
    "/news/d": page("/news/d", story(3, "the coastal town"), "Three thousand leave the coast"),
  });
});

describe("polling an RSS feed", () => {
  let feedId: string;
  let served: Served;

  it("imports every item of the first poll by URL into the feed's outlet, keeps the validators and queues matching", async () => {
    served = {
      body: rss([
        { path: "/news/b", title: "Seven thousand moved" },
        { path: "/news/a", title: "Twelve thousand moved" },
      ]),
      etag: '"v1"',
    };
    routes["/rss"] = feedRoute("/rss", () => served);
    feedId = (await newFeed(`${base}/rss`)).id;
    queued = [];
    const res = await pollFeed(db, feedId, deps);
    expect(res).toEqual({ outcome: "ok", listed: 2, imported: 2, duplicates: 0, failed: 0, remaining: 0 });
    const feed = await db.feed.findUniqueOrThrow({ where: { id: feedId } });
    expect(feed).toMatchObject({ status: "OK", title: "Delta Courier", etag: '"v1"', lastHttpStatus: 200, failures: 0, lastError: null, pollingSince: null });
    expect(feed.nextPollAt.getTime() - feed.lastPolledAt!.getTime()).toBe(30 * 60_000);
    const items = await db.feedItem.findMany({
      where: { feedId },
      include: { article: { select: { outletId: true, publishedAt: true } } },
      orderBy: { firstSeenAt: "asc" },
    });
    expect(items.map((i) => [i.url, i.state, i.title, i.article?.outletId])).toEqual([
      [`${base}/news/a`, "IMPORTED", "Twelve thousand moved", outletId],
      [`${base}/news/b`, "IMPORTED", "Seven thousand moved", outletId],
    ]);
    expect(items.every((i) => i.contentHash && i.articleId)).toBe(true);
    expect(items[0].article?.publishedAt).toEqual(new Date("2026-11-20T08:00:00Z"));
    expect(queued.sort()).toEqual(items.map((i) => i.articleId).sort());
    // The first request had nothing to be conditional on.
    expect(asked["/rss"][0]["if-none-match"]).toBeUndefined();
  });

  it("on the next poll imports only the new item: a repeated URL (tracking parameters too) is skipped unfetched, a copy of a known text is a duplicate", async () => {
    served = {
      etag: '"v2"',
      body: rss([
        { path: "/news/d", title: "Three thousand leave the coast" },
        { path: "/copies/b", title: "Seven thousand moved (copy)" },
        { path: "/news/a?utm_source=rss&utm_medium=feed", title: "Twelve thousand moved" },
        { path: "/news/b", title: "Seven thousand moved" },
      ]),
    };
    const before = await counts(feedId);
    const hitsA = pageHits["/news/a"];
    queued = [];
    const res = await pollFeed(db, feedId, deps);
    expect(res).toEqual({ outcome: "ok", listed: 4, imported: 1, duplicates: 1, failed: 0, remaining: 0 });
    expect(asked["/rss"].at(-1)!["if-none-match"]).toBe('"v1"');
    expect(await counts(feedId)).toEqual({ articles: before.articles + 1, items: { IMPORTED: 3, DUPLICATE: 1 } });
    expect(pageHits["/news/a"]).toBe(hitsA);
    const copy = await db.feedItem.findFirstOrThrow({ where: { feedId, url: `${base}/copies/b` } });
    const original = await db.feedItem.findFirstOrThrow({ where: { feedId, url: `${base}/news/b` } });
    expect([copy.state, copy.articleId, copy.contentHash]).toEqual(["DUPLICATE", original.articleId, original.contentHash]);
    expect(queued).toHaveLength(1);
    expect((await db.feed.findUniqueOrThrow({ where: { id: feedId } })).etag).toBe('"v2"');
  });

  it("a 304 answer to the conditional request changes nothing but the poll time", async () => {
    const before = await counts(feedId);
    const itemsBefore = await db.feedItem.findMany({ where: { feedId }, orderBy: { url: "asc" } });
    const res = await pollFeed(db, feedId, deps);
    expect(res).toEqual({ outcome: "not_modified" });
    expect(asked["/rss"].at(-1)!["if-none-match"]).toBe('"v2"');
    expect(await counts(feedId)).toEqual(before);
    expect(await db.feedItem.findMany({ where: { feedId }, orderBy: { url: "asc" } })).toEqual(itemsBefore);
    expect(await db.feed.findUniqueOrThrow({ where: { id: feedId } })).toMatchObject({ status: "OK", lastHttpStatus: 304, etag: '"v2"', failures: 0 });
  });

  it("another outlet's feed listing a known address records it as a duplicate without fetching the page", async () => {
    routes["/other.rss"] = feedRoute("/other.rss", () => ({ body: rss([{ path: "/news/a", title: "Twelve thousand" }]) }));
    const other = await newFeed(`${base}/other.rss`, { outletId: otherOutletId });
    const hitsA = pageHits["/news/a"];
    const articles = await db.article.count();
    expect(await pollFeed(db, other.id, deps)).toMatchObject({ outcome: "ok", imported: 0, duplicates: 1 });
    expect([pageHits["/news/a"], await db.article.count()]).toEqual([hitsA, articles]);
  });
});

describe("polling an Atom feed", () => {
  it("imports its entries, then asks with If-Modified-Since and leaves everything as it was on 304", async () => {
    let served: Served = {
      type: "application/atom+xml",
      lastModified: "Mon, 20 Nov 2026 09:00:00 GMT",
      body: atom([
        { path: "/news/e", title: "Atom one" },
        { path: "/news/f", title: "Atom two" },
      ]),
    };
    routes["/atom"] = feedRoute("/atom", () => served);
    routes["/news/e"] = page("/news/e", story(21, "the eastern valley"), "Atom one");
    routes["/news/f"] = page("/news/f", story(22, "the western plain"), "Atom two");
    const feed = await newFeed(`${base}/atom`, { outletId: otherOutletId });
    expect(await pollFeed(db, feed.id, deps)).toMatchObject({ outcome: "ok", listed: 2, imported: 2 });
    // Relative Atom links are read against the feed's address.
    expect((await db.feedItem.findMany({ where: { feedId: feed.id }, orderBy: { url: "asc" } })).map((i) => i.url)).toEqual([
      `${base}/news/e`,
      `${base}/news/f`,
    ]);
    const before = await counts(feed.id);
    expect(await pollFeed(db, feed.id, deps)).toEqual({ outcome: "not_modified" });
    expect(asked["/atom"].at(-1)!["if-modified-since"]).toBe("Mon, 20 Nov 2026 09:00:00 GMT");
    expect(await counts(feed.id)).toEqual(before);
    // A newer feed with a repeated and a new entry.
    routes["/news/g"] = page("/news/g", story(23, "the southern hills"), "Atom three");
    served = {
      ...served,
      lastModified: "Mon, 20 Nov 2026 10:00:00 GMT",
      body: atom([
        { path: "/news/g", title: "Atom three" },
        { path: "/news/e", title: "Atom one" },
      ]),
    };
    expect(await pollFeed(db, feed.id, deps)).toMatchObject({ outcome: "ok", listed: 2, imported: 1, duplicates: 0 });
    expect(await counts(feed.id)).toEqual({ articles: before.articles + 1, items: { IMPORTED: 3 } });
  });
});

describe("a failing feed", () => {
  it("records each failure's error and status, backs off, and recovers", async () => {
    let served: Served = { status: 500, body: "" };
    routes["/flaky"] = feedRoute("/flaky", () => served);
    const feed = await newFeed(`${base}/flaky`, { intervalMinutes: 10 });
    const before = await db.article.count();
    expect(await pollFeed(db, feed.id, deps)).toEqual({ outcome: "error", error: "The site answered 500." });
    let row = await db.feed.findUniqueOrThrow({ where: { id: feed.id } });
    expect(row).toMatchObject({ status: "ERROR", lastError: "The site answered 500.", lastHttpStatus: 500, failures: 1, pollingSince: null });
    expect(row.nextPollAt.getTime() - row.lastPolledAt!.getTime()).toBe(10 * 60_000);
    await pollFeed(db, feed.id, deps);
    row = await db.feed.findUniqueOrThrow({ where: { id: feed.id } });
    expect(row.failures).toBe(2);
    expect(row.nextPollAt.getTime() - row.lastPolledAt!.getTime()).toBe(20 * 60_000);
    expect(await db.article.count()).toBe(before);
    served = { body: rss([]) };
    expect(await pollFeed(db, feed.id, deps)).toMatchObject({ outcome: "ok", listed: 0 });
    expect(await db.feed.findUniqueOrThrow({ where: { id: feed.id } })).toMatchObject({ status: "OK", lastError: null, failures: 0, lastHttpStatus: 200 });
  });

  it.each([
    ["a web page instead of a feed", "/page-not-feed", { type: "text/html", body: "<html><body>Hi</body></html>" }, /not an RSS or Atom feed/],
    [
      "XML that is not a feed",
      "/sitemap.xml",
      { type: "application/xml", body: "<urlset><url><loc>https://x.example/</loc></url></urlset>" },
      /neither RSS nor Atom/,
    ],
    ["a 404", "/gone.rss", { status: 404, body: "" }, /answered 404/],
  ] as const)("records %s as an error", async (_n, path, served, message) => {
    routes[path] = feedRoute(path, () => served as Served);
    const feed = await newFeed(`${base}${path}`);
    const res = await pollFeed(db, feed.id, deps);
    expect(res.outcome).toBe("error");
    expect(await db.feed.findUniqueOrThrow({ where: { id: feed.id } })).toMatchObject({
      status: "ERROR",
      lastError: expect.stringMatching(message),
      failures: 1,
    });
  });

  it("records an unreachable feed, and refuses a private address that is not on the allow-list", async () => {
    const dead = await newFeed(`http://127.0.0.1:${DEAD_PORT}/feed`);
    await pollFeed(db, dead.id, deps);
    expect(await db.feed.findUniqueOrThrow({ where: { id: dead.id } })).toMatchObject({
      status: "ERROR",
      lastError: expect.stringMatching(/could not be reached/),
    });
    const internal = await newFeed("http://169.254.169.254/latest/meta-data/feed");
    await pollFeed(db, internal.id, deps);
    expect(await db.feed.findUniqueOrThrow({ where: { id: internal.id } })).toMatchObject({
      status: "ERROR",
      lastError: expect.stringMatching(/private network/),
    });
  });

  it("keeps an item whose page fails as failed, tries it again on later polls, and imports it once it works", async () => {
    let broken = true;
    routes["/news/late"] = (req, res) => (broken ? void res.writeHead(503).end() : page("/news/late", story(31, "the river mouth"), "Late")(req, res));
    let version = 1;
    routes["/late.rss"] = feedRoute("/late.rss", () => ({ body: rss([{ path: "/news/late", title: "Late" }]), etag: `"l${version}"` }));
    const feed = await newFeed(`${base}/late.rss`);
    expect(await pollFeed(db, feed.id, deps)).toMatchObject({ outcome: "ok", imported: 0, failed: 1 });
    let item = await db.feedItem.findFirstOrThrow({ where: { feedId: feed.id } });
    expect([item.state, item.attempts, item.error]).toEqual(["FAILED", 1, expect.stringMatching(/503/)]);
    expect((await db.feed.findUniqueOrThrow({ where: { id: feed.id } })).status).toBe("OK");
    broken = false;
    version = 2;
    expect(await pollFeed(db, feed.id, deps)).toMatchObject({ outcome: "ok", imported: 1, failed: 0 });
    item = await db.feedItem.findFirstOrThrow({ where: { feedId: feed.id } });
    expect([item.state, item.attempts, item.error, !!item.articleId]).toEqual(["IMPORTED", 2, null, true]);
  });
});

describe("one poll at a time, and what is left for the next", () => {
  it("while a node polls a feed, another poll of it stands aside", async () => {
    // The feed answers only when the test lets it: the first poll holds the lease meanwhile.
    let answer!: () => void;
    const held = new Promise<void>((r) => (answer = r));
    const busy = feedRoute("/busy.rss", () => ({ body: rss([]) }));
    routes["/busy.rss"] = (req, res) => void held.then(() => busy(req, res));
    const feed = await newFeed(`${base}/busy.rss`);
    const first = pollFeed(db, feed.id, deps);
    await expect.poll(async () => (await db.feed.findUniqueOrThrow({ where: { id: feed.id } })).pollingSince).not.toBeNull();
    expect(await pollFeed(db, feed.id, deps)).toEqual({ outcome: "skipped", reason: "busy" });
    answer();
    expect(await first).toMatchObject({ outcome: "ok" });
    expect(asked["/busy.rss"]).toHaveLength(1);
    expect((await db.feed.findUniqueOrThrow({ where: { id: feed.id } })).pollingSince).toBeNull();
    // A lease left by a node that died mid-poll expires.
    await db.feed.update({ where: { id: feed.id }, data: { pollingSince: new Date(Date.now() - 16 * 60_000) } });
    expect(await pollFeed(db, feed.id, deps)).toMatchObject({ outcome: "ok" });
  });

  it("a paused feed is polled only when an admin asks", async () => {
    routes["/paused.rss"] = feedRoute("/paused.rss", () => ({ body: rss([]) }));
    const feed = await newFeed(`${base}/paused.rss`, { paused: true });
    expect(await pollFeed(db, feed.id, deps)).toEqual({ outcome: "skipped", reason: "paused" });
    expect(asked["/paused.rss"]).toBeUndefined();
    expect(await pollFeed(db, feed.id, { ...deps, manual: true })).toMatchObject({ outcome: "ok" });
    expect(await pollFeed(db, "00000000-0000-4000-8000-000000000000", deps)).toEqual({ outcome: "skipped", reason: "gone" });
  });

  it("a backlog larger than one poll's batch is imported over the next polls, without validators in between", async () => {
    routes["/news/h1"] = page("/news/h1", story(41, "the first island"), "H1");
    routes["/news/h2"] = page("/news/h2", story(42, "the second island"), "H2");
    routes["/backlog.rss"] = feedRoute("/backlog.rss", () => ({
      body: rss([
        { path: "/news/h2", title: "H2" },
        { path: "/news/h1", title: "H1" },
      ]),
      etag: '"b1"',
    }));
    const feed = await newFeed(`${base}/backlog.rss`);
    expect(await pollFeed(db, feed.id, { ...deps, maxImports: 1 })).toMatchObject({ outcome: "ok", imported: 1, remaining: 1 });
    const row = await db.feed.findUniqueOrThrow({ where: { id: feed.id } });
    expect([row.etag, row.nextPollAt.getTime()]).toEqual([null, row.lastPolledAt!.getTime()]);
    // Oldest first: the item listed last went in first.
    expect((await db.feedItem.findFirstOrThrow({ where: { feedId: feed.id } })).url).toBe(`${base}/news/h1`);
    expect(await pollFeed(db, feed.id, { ...deps, maxImports: 1 })).toMatchObject({ outcome: "ok", imported: 1, remaining: 0 });
    expect((await db.feed.findUniqueOrThrow({ where: { id: feed.id } })).etag).toBe('"b1"');
  });
});

describe("backoffMinutes", () => {
  it.each([
    [60, 0, 60],
    [60, 1, 60],
    [60, 2, 120],
    [60, 3, 240],
    [60, 4, 480],
    [60, 9, 480],
    [600, 4, 1440],
    [5, 20, 40],
  ])("interval %i after %i failures → %i", (interval, failures, want) => {
    expect(backoffMinutes(interval, failures)).toBe(want);
  });
});
