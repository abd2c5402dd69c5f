import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { freshDatabase } from "../../tests/db";
import { importArticle, requeueMatching } from "../articles/mutations";
import { listArticles, countTroubledArticles } from "../articles/data";
import { enqueueMatch, stopBoss } from "./queue";
import { startMatchWorker, runMatchJob } from "./worker";
import type { Db } from "../db/client";

let db: Db;
let url: string;
beforeAll(async () => {
  ({ db, url } = await freshDatabase());
});
afterAll(() => stopBoss());

async function waitFor(fn: () => Promise<boolean>, ms = 20_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await fn()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("timed out waiting");
}

const text = (n: number, outlet: string) =>
  `${outlet} reported that Russian President Vladimir Putin spoke by phone with Mali's leader Assimi Goita on Tuesday, August 15, and that ${n} topics were discussed, the Kremlin said.`;

describe("the matching job", () => {
  it("takes an imported article from pending to done through pg-boss, with links to the other outlet", async () => {
    await startMatchWorker(db, url, () => undefined);
    const a = await importArticle(
      db,
      null,
      { outlet: "Wire A", text: text(3, "Wire A"), publishedAt: "2023-08-16" },
      { enqueue: (id) => enqueueMatch(id, url) },
    );
    const b = await importArticle(
      db,
      null,
      { outlet: "Wire B", text: text(4, "Wire B"), publishedAt: "2023-08-16" },
      { enqueue: (id) => enqueueMatch(id, url) },
    );
    expect((await db.article.findUniqueOrThrow({ where: { id: b.articleId } })).matching).not.toBe("FAILED");
    await waitFor(async () => (await db.article.count({ where: { id: { in: [a.articleId, b.articleId] }, matching: "DONE" } })) === 2);
    const links = await db.claimLink.count({ where: { fromClaim: { articleId: b.articleId }, toClaim: { articleId: a.articleId } } });
    expect(links).toBeGreaterThan(0);
  });

  it("records each failed try on the article and marks it FAILED after the last one", async () => {
    const c = await importArticle(db, null, { outlet: "Wire C", text: text(5, "Wire C") });
    const broken = async () => {
      throw new Error("candidate query timed out");
    };
    const job = (retryCount: number) => ({ data: { articleId: c.articleId }, retryCount, retryLimit: 3 });
    await expect(runMatchJob(db, job(0), broken)).rejects.toThrow("timed out");
    let row = await db.article.findUniqueOrThrow({ where: { id: c.articleId } });
    expect([row.matching, row.matchingError]).toEqual(["PENDING", "Try 1 failed: candidate query timed out"]);
    // Admins' list of matching failures shows it while it is retried, and no longer once it succeeds.
    const troubled = async () => (await listArticles(db, { troubled: true })).items.map((a) => a.id);
    // (The earlier test's articles go through a live worker; on a loaded machine one may be mid-retry.)
    const before = await countTroubledArticles(db);
    expect(await troubled()).toContain(c.articleId);
    expect(before).toBeGreaterThanOrEqual(1);
    await expect(runMatchJob(db, job(3), broken)).rejects.toThrow();
    row = await db.article.findUniqueOrThrow({ where: { id: c.articleId } });
    expect([row.matching, row.matchingError]).toEqual(["FAILED", "Failed: candidate query timed out"]);
    expect(await troubled()).toContain(c.articleId);
    await runMatchJob(db, job(0));
    row = await db.article.findUniqueOrThrow({ where: { id: c.articleId } });
    expect([row.matching, row.matchingError]).toEqual(["DONE", null]);
    expect(await troubled()).not.toContain(c.articleId);
  });

  it("lets an admin queue a failed article again, with an audit row", async () => {
    const d = await importArticle(db, null, { outlet: "Wire D", text: text(6, "Wire D") });
    await db.article.update({ where: { id: d.articleId }, data: { matching: "FAILED", matchingError: "Failed: boom" } });
    const queued: string[] = [];
    await requeueMatching(db, null, d.articleId, async (id) => queued.push(id));
    const row = await db.article.findUniqueOrThrow({ where: { id: d.articleId } });
    expect([row.matching, row.matchingError, queued]).toEqual(["PENDING", null, [d.articleId]]);
    expect(await db.auditLog.count({ where: { action: "article.rematch", entityId: d.articleId } })).toBe(1);
  });

  // The job's singletonKey only holds while a job waits: a curation edit made while the article is
  // being matched must queue a new run, or the edit would be matched against stale claims.
  it("a match requested while the article's job is running is queued after it, not dropped", async () => {
    const { getBoss, MATCH_QUEUE } = await import("./queue");
    const boss = await getBoss(url);
    const a = await importArticle(db, null, { outlet: "Wire E", text: text(8, "Wire E"), publishedAt: "2023-08-16" });
    await enqueueMatch(a.articleId, url);
    // A worker takes the job: it is active now.
    const [taken] = await boss.fetch<{ articleId: string }>(MATCH_QUEUE, { batchSize: 10 });
    expect(taken.data.articleId).toBe(a.articleId);
    // An edit asks again while it runs: a second job waits for its turn.
    await enqueueMatch(a.articleId, url);
    const again = await boss.fetch<{ articleId: string }>(MATCH_QUEUE, { batchSize: 10, includeMetadata: true });
    const waiting = await db.$queryRaw<
      { n: number }[]
    >`SELECT count(*)::int AS n FROM pgboss.job WHERE name = ${MATCH_QUEUE} AND data->>'articleId' = ${a.articleId} AND state = 'created'`;
    expect(again.length + waiting[0].n).toBeGreaterThan(0);
    await boss.complete(MATCH_QUEUE, taken.id);
  });

  it("finishes quietly when the article was deleted while its job waited", async () => {
    // The shipped matcher meets no article: that is no failure to retry.
    const res = await runMatchJob(db, { data: { articleId: "00000000-0000-4000-8000-000000000000" }, retryCount: 0, retryLimit: 3 });
    expect(res).toEqual({ claims: 0, links: 0 });
  });

  it("finishes quietly when the article is deleted while it is matched, and rethrows while it exists", async () => {
    const a = await importArticle(db, null, { outlet: "Wire D", text: text(6, "Wire D") });
    const failing = async () => {
      throw new Error("lost the connection");
    };
    await expect(runMatchJob(db, { data: { articleId: a.articleId }, retryCount: 0, retryLimit: 3 }, failing)).rejects.toThrow("lost the connection");
    const deleting = async () => {
      await db.article.delete({ where: { id: a.articleId } });
      throw new Error("no article");
    };
    expect(await runMatchJob(db, { data: { articleId: a.articleId }, retryCount: 0, retryLimit: 3 }, deleting)).toEqual({ claims: 0, links: 0 });
  });
});
