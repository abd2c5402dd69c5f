import { env } from "../env";
import type { Db } from "../db/client";
import { refetchArticle } from "../articles/versions";
import { enqueueMatch, getBoss, REFETCH_QUEUE, type RefetchJob } from "./queue";

// Articles imported by URL that carry a verdict are fetched again on a schedule (docs/decisions/023):
// an hourly sweep queues those whose last fetch is older than REFETCH_INTERVAL_HOURS (default 24).
export const REFETCH_CRON = "7 * * * *";
const SWEEP_BATCH = 50;

export const refetchIntervalMs = (hours = env().REFETCH_INTERVAL_HOURS) => hours * 3_600_000;

/** The articles due a re-fetch: fetched from an address, with a verdict, not fetched lately. */
export async function dueForRefetch(db: Db, now = new Date(), intervalMs = refetchIntervalMs(), take = SWEEP_BATCH) {
  const before = new Date(now.getTime() - intervalMs);
  const rows = await db.article.findMany({
    where: { fetchUrl: { not: null }, claims: { some: { status: { not: "UNREVIEWED" } } }, OR: [{ lastFetchedAt: null }, { lastFetchedAt: { lt: before } }] },
    orderBy: [{ lastFetchedAt: { sort: "asc", nulls: "first" } }, { id: "asc" }],
    take,
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/** One refetch job: an article, or (no articleId) the sweep that queues the articles due. */
export async function runRefetchJob(db: Db, data: RefetchJob, send: (articleId: string) => Promise<unknown>, url?: string) {
  if (!data.articleId) {
    const due = await dueForRefetch(db);
    for (const id of due) await send(id);
    return { queued: due.length };
  }
  if (!(await db.article.count({ where: { id: data.articleId } }))) return { queued: 0 };
  try {
    const res = await refetchArticle(db, { articleId: data.articleId, actorId: null, enqueue: (id, claimIds) => enqueueMatch(id, url, claimIds) });
    return { queued: 0, changed: res.changed, flagged: res.flagged.length };
  } catch (e) {
    // The failure is kept on the article (fetchError) and the next sweep tries again: no retries here.
    return { queued: 0, error: (e as Error).message };
  }
}

export async function enqueueRefetch(articleId: string, url?: string) {
  const boss = await getBoss(url);
  await boss.send(REFETCH_QUEUE, { articleId } satisfies RefetchJob, { singletonKey: articleId });
}

export async function startRefetchWorker(db: Db, url: string, log: (m: string) => void = console.log) {
  const boss = await getBoss(url, { supervise: true });
  await boss.schedule(REFETCH_QUEUE, REFETCH_CRON, {} satisfies RefetchJob);
  await boss.work<RefetchJob>(REFETCH_QUEUE, { batchSize: 1, pollingIntervalSeconds: 5 }, async ([job]) => {
    const res = await runRefetchJob(db, job.data, (id) => enqueueRefetch(id, url), url);
    if (job.data.articleId && (res.changed || res.error))
      log(`re-fetched article ${job.data.articleId}: ${res.error ?? `${res.flagged} claim(s) flagged source changed`}`);
  });
  return boss;
}
