import { reloadEnv } from "../env";
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { freshDatabase } from "../../tests/db";
import { fixtureServer } from "../../tests/fixture-server";
import { newsPage, STORY_V1, STORY_V2 } from "../../tests/news-page";
import { importArticleFromUrl } from "../articles/import-url";
import { importArticle } from "../articles/mutations";
import { getBoss, stopBoss, REFETCH_QUEUE } from "./queue";
import { dueForRefetch, enqueueRefetch, refetchIntervalMs, runRefetchJob, startRefetchWorker } from "./refetch";
import type { Db } from "../db/client";

const PORT = 3245;
process.env.FETCH_ALLOW_HOSTS = `127.0.0.1:${PORT}`;
reloadEnv();
let db: Db;
let url: string;
let page = newsPage(STORY_V1);
let withVerdict: string;

beforeAll(async () => {
  ({ db, url } = await freshDatabase());
  const s = await fixtureServer(PORT);
  s.routes["/a"] = (_q, r) => void r.writeHead(200, { "content-type": "text/html" }).end(page);
  s.routes["/b"] = s.html(
    newsPage(["A quiet day: the council said on Monday that 3 new parks would open in the spring, according to the mayor's office."], { title: "Parks" }),
  );
  withVerdict = (await importArticleFromUrl(db, { url: `http://127.0.0.1:${PORT}/a`, actorId: null })).articleId;
  await importArticleFromUrl(db, { url: `http://127.0.0.1:${PORT}/b`, actorId: null });
  await importArticle(db, null, {
    outlet: "Pasted",
    text: "Officials said on Friday that 300 people were evacuated from the flooded town of Gao, according to a statement.",
  });
  const c = await db.claim.findFirstOrThrow({ where: { articleId: withVerdict } });
  await db.claim.update({ where: { id: c.id }, data: { status: "SINGLE_SOURCED" } });
});
afterAll(() => stopBoss());

describe("the refetch schedule", () => {
  it("is due for articles fetched by URL with a verdict, fetched longer ago than the interval", async () => {
    const later = new Date(Date.now() + 25 * 3_600_000);
    expect(await dueForRefetch(db, later)).toEqual([withVerdict]);
    expect(await dueForRefetch(db, new Date())).toEqual([]);
    expect(refetchIntervalMs(6)).toBe(6 * 3_600_000);
  });

  it("a sweep queues the articles due, one job each", async () => {
    await db.article.update({ where: { id: withVerdict }, data: { lastFetchedAt: new Date(Date.now() - 48 * 3_600_000) } });
    const sent: string[] = [];
    expect(await runRefetchJob(db, {}, async (id) => void sent.push(id))).toEqual({ queued: 1 });
    expect(sent).toEqual([withVerdict]);
  });

  it("the worker schedules the sweep with pg-boss and runs a queued article's re-fetch", async () => {
    await startRefetchWorker(db, url, () => undefined);
    const boss = await getBoss(url);
    expect((await boss.getSchedules()).map((s) => s.name)).toContain(REFETCH_QUEUE);
    page = newsPage(STORY_V2);
    await enqueueRefetch(withVerdict, url);
    const until = Date.now() + 30_000;
    while (Date.now() < until && (await db.article.findUniqueOrThrow({ where: { id: withVerdict } })).currentVersion < 2)
      await new Promise((r) => setTimeout(r, 300));
    const a = await db.article.findUniqueOrThrow({ where: { id: withVerdict } });
    expect(a.currentVersion).toBe(2);
    expect(await db.claim.count({ where: { articleId: withVerdict, sourceChanged: true } })).toBeGreaterThan(0);
  });
});
