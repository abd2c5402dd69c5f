import PgBoss from "pg-boss";
import { installFeedQueues } from "./feed-queues";
import { databaseUrl } from "../db/client";

// Background work runs through pg-boss on the same Postgres, so a job survives restarts and
// needs no other service. Retries back off: 3 tries, 5 s, 10 s, 20 s apart.
export const MATCH_QUEUE = "match-article";
export const MATCH_RETRY = { retryLimit: 3, retryDelay: 5, retryBackoff: true } as const;

// Re-fetching articles by URL (docs/decisions/023): one job per article, and an hourly sweep (no
// articleId) that queues the articles with verdicts whose last fetch is older than the interval.
export const REFETCH_QUEUE = "refetch-article";
export type RefetchJob = { articleId?: string };

// claimIds: match only these claims of the article (a curation edit), not the whole article.
export type MatchJob = { articleId: string; claimIds?: string[] };

const globalForBoss = globalThis as unknown as { boss?: Promise<PgBoss>; bossUrl?: string };

// supervise: run pg-boss's maintenance (expiry, retention) and its cron (the feed monitor's minute
// scan). Only the worker's process needs them; a process that only sends (the web server) keeps no
// loop that can fail while the database is away.
export function getBoss(url = databaseUrl(), opts: { supervise?: boolean } = {}): Promise<PgBoss> {
  if (!url) throw new Error("DATABASE_URL is not set");
  if (!globalForBoss.boss || globalForBoss.bossUrl !== url) {
    globalForBoss.bossUrl = url;
    globalForBoss.boss = (async () => {
      // The worker's process also keeps the clock of scheduled jobs (the refetch sweep, the feed scan).
      const boss = new PgBoss({ connectionString: url, max: 3, schedule: opts.supervise ?? false, supervise: opts.supervise ?? false });
      boss.on("error", (e) => console.error("[jobs]", e.message));
      await boss.start();
      await boss.createQueue(MATCH_QUEUE, { name: MATCH_QUEUE, ...MATCH_RETRY });
      await boss.createQueue(REFETCH_QUEUE, { name: REFETCH_QUEUE });
      return boss;
    })();
    // A failed start (database down) is forgotten, so the next call tries again instead of
    // answering with the same rejection for ever.
    const starting = globalForBoss.boss;
    starting.catch(() => {
      if (globalForBoss.boss === starting) globalForBoss.boss = undefined;
    });
  }
  return globalForBoss.boss;
}

export async function enqueueMatch(articleId: string, url?: string, claimIds?: string[]): Promise<void> {
  const boss = await getBoss(url);
  const only = claimIds?.length ? [...claimIds].sort() : undefined;
  await boss.send(MATCH_QUEUE, { articleId, ...(only ? { claimIds: only } : {}) } satisfies MatchJob, {
    ...MATCH_RETRY,
    singletonKey: only ? `${articleId}:${only.join(",")}` : articleId,
  });
}

// Creates pg-boss's schema and our queue, as the database owner, so the app's role finds them.
export async function installQueue(ownerUrl: string): Promise<void> {
  const boss = new PgBoss({ connectionString: ownerUrl, max: 1, schedule: false, supervise: false });
  boss.on("error", (e) => console.error("[jobs]", e.message));
  await boss.start();
  try {
    await boss.createQueue(MATCH_QUEUE, { name: MATCH_QUEUE, ...MATCH_RETRY });
    await installFeedQueues(boss);
    await boss.createQueue(REFETCH_QUEUE, { name: REFETCH_QUEUE });
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}

export async function stopBoss(): Promise<void> {
  const boss = await globalForBoss.boss?.catch(() => undefined);
  globalForBoss.boss = undefined;
  await boss?.stop({ graceful: true, wait: true, timeout: 10_000 });
}
