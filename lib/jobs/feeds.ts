import type PgBoss from "pg-boss";
import type { Db } from "../db/client";
import { pollFeed, LEASE_MINUTES, type PollDeps } from "../feeds/poll";
import { getBoss, enqueueMatch } from "./queue";
import { FEED_POLL_QUEUE, FEEDS_DUE_QUEUE, feedPollSendOptions, installFeedQueues, type FeedPollJob } from "./feed-queues";

// pg-boss drops a job sent to a queue that does not exist, silently: each process makes sure of the
// feed queues once (installQueue made them as the owner already; this is a no-op then).
const ready = new WeakMap<PgBoss, Promise<void>>();
async function feedBoss(url?: string, opts?: { supervise?: boolean }): Promise<PgBoss> {
  const boss = await getBoss(url, opts);
  if (!ready.has(boss))
    ready.set(
      boss,
      installFeedQueues(boss).catch((e) => {
        ready.delete(boss);
        throw e;
      }),
    );
  await ready.get(boss);
  return boss;
}

export async function enqueueFeedPoll(job: FeedPollJob, url?: string): Promise<string | null> {
  const boss = await feedBoss(url);
  return boss.send(FEED_POLL_QUEUE, job, feedPollSendOptions(job));
}

/** The feeds due now: not paused, their time come, no node polling them. */
export async function dueFeeds(db: Db, limit = 500): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Feed"
    WHERE NOT paused AND "nextPollAt" <= now()
      AND ("pollingSince" IS NULL OR "pollingSince" < now() - make_interval(mins => ${LEASE_MINUTES}))
    ORDER BY "nextPollAt", id LIMIT ${limit}`;
  return rows.map((r) => r.id);
}

/** The minute's scan: one poll job per due feed. A feed whose job still waits is not queued again. */
export async function enqueueDueFeeds(db: Db, send: (job: FeedPollJob) => Promise<unknown>): Promise<number> {
  const ids = await dueFeeds(db);
  for (const feedId of ids) await send({ feedId });
  return ids.length;
}

// Two polls at a time on a node: a slow site does not hold up every other feed.
const POLLERS = 2;

export async function startFeedWorker(db: Db, url: string, log: (m: string) => void = console.log, deps: PollDeps = {}) {
  const boss = await feedBoss(url, { supervise: true });
  const pollDeps: PollDeps = { enqueueMatch: (id) => enqueueMatch(id, url), ...deps };
  await boss.work(FEEDS_DUE_QUEUE, { batchSize: 1, pollingIntervalSeconds: 5 }, async () => {
    const n = await enqueueDueFeeds(db, (job) => enqueueFeedPoll(job, url));
    if (n) log(`queued ${n} due feed(s)`);
  });
  for (let i = 0; i < POLLERS; i++) {
    await boss.work<FeedPollJob>(FEED_POLL_QUEUE, { batchSize: 1, pollingIntervalSeconds: 2 }, async ([job]) => {
      const res = await pollFeed(db, job.data.feedId, { manual: job.data.manual, ...pollDeps });
      if (res.outcome === "ok") log(`polled feed ${job.data.feedId}: ${res.imported} new, ${res.duplicates} known, ${res.failed} failed`);
      else if (res.outcome === "error") log(`feed ${job.data.feedId} failed: ${res.error}`);
    });
  }
  return boss;
}
