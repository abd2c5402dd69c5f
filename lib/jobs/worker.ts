import type { Db } from "../db/client";
import { matchArticle } from "../match/match-article";
import { warmPairModel } from "../match/pair/model";
import { getBoss, MATCH_QUEUE, type MatchJob } from "./queue";

// Runs one match job. A failure is written on the article (admins see it on the articles page)
// and rethrown so pg-boss retries; after the last try the article is marked FAILED.
export async function runMatchJob(db: Db, job: { data: MatchJob; retryCount: number; retryLimit: number }, match = matchArticle) {
  try {
    return await match(db, job.data.articleId, job.data.claimIds);
  } catch (e) {
    // An admin may delete an article while its job waits or runs: there is nothing left to match.
    // Asked only on failure, so a match costs no extra statement.
    if (!(await db.article.count({ where: { id: job.data.articleId } }))) return { claims: 0, links: 0 };
    const final = job.retryCount >= job.retryLimit;
    const message = (e as Error).message.slice(0, 500);
    await db.article
      .update({
        where: { id: job.data.articleId },
        data: { matchingError: `${final ? "Failed" : `Try ${job.retryCount + 1} failed`}: ${message}`, ...(final ? { matching: "FAILED" } : {}) },
      })
      .catch(() => undefined);
    throw e;
  }
}

// concurrency: jobs this process runs at once. Matching is CPU-bound JavaScript, so more than one
// per process only overlaps database waits; `npm run worker` adds processes for more cores.
export async function startMatchWorker(db: Db, url: string, log: (m: string) => void = console.log, opts: { concurrency?: number } = {}) {
  // Before the first job: a worker that loads the model inside its first job matches that article
  // several times slower, and a newly added worker would look slower than it is.
  warmPairModel();
  const boss = await getBoss(url, { supervise: true });
  // pg-boss 10 has no per-worker concurrency: each work() registration polls and runs one job at a time.
  for (let i = 0; i < Math.max(1, opts.concurrency ?? 1); i++) {
    const id: string = await boss.work<MatchJob>(MATCH_QUEUE, { batchSize: 1, pollingIntervalSeconds: 1, includeMetadata: true }, async ([job]) => {
      try {
        const res = await runMatchJob(db, job);
        log(`matched article ${job.data.articleId}: ${res.links} links`);
      } finally {
        // pg-boss waits out the rest of its polling interval after each job, even with more
        // waiting (a match takes well under the second): with a job just done, fetch again at once.
        boss.notifyWorker(id);
      }
    });
  }
  return boss;
}
