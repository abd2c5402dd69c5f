import type PgBoss from "pg-boss";

// The feed monitor's queues (docs/decisions/025). Kept apart from queue.ts so that installQueue can
// create them as the database owner without an import cycle.
export const FEED_POLL_QUEUE = "poll-feed";
export const FEEDS_DUE_QUEUE = "feeds-due";
// Every minute one node (pg-boss's cron takes a lock for it) looks for feeds that are due.
export const FEEDS_DUE_CRON = "* * * * *";
// pg-boss's cron sends through this queue of its own; the app's role may not create queues.
const CRON_QUEUE = "__pgboss__send-it";

export type FeedPollJob = { feedId: string; manual?: boolean };

// "short": at most one waiting job per singletonKey, so a feed already queued is not queued twice.
// A poll records a feed's own failures itself; a retry is for the database failing under it.
const POLL_OPTIONS = { policy: "short", retryLimit: 2, retryDelay: 30, retryBackoff: true, expireInSeconds: 30 * 60 } as const;
const DUE_OPTIONS = { policy: "short", retryLimit: 0, expireInSeconds: 5 * 60 } as const;

/** Creates the queues and the schedule; idempotent. Run as the owner first (installQueue). */
export async function installFeedQueues(boss: PgBoss): Promise<void> {
  await boss.createQueue(CRON_QUEUE);
  await boss.createQueue(FEED_POLL_QUEUE, { name: FEED_POLL_QUEUE, ...POLL_OPTIONS });
  await boss.createQueue(FEEDS_DUE_QUEUE, { name: FEEDS_DUE_QUEUE, ...DUE_OPTIONS });
  await boss.schedule(FEEDS_DUE_QUEUE, FEEDS_DUE_CRON, {}, { singletonKey: FEEDS_DUE_QUEUE });
}

export function feedPollSendOptions(job: FeedPollJob) {
  // A manual poll has its own key: a scheduled poll waiting for its turn does not swallow it.
  return { ...POLL_OPTIONS, singletonKey: job.manual ? `${job.feedId}:manual` : job.feedId };
}
