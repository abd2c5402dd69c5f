import "server-only";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { safeFetch, FetchError, type SafeFetchOptions } from "../fetch/safe-fetch";
import { importArticleFromUrl } from "../articles/import-url";
import { parseFeed, FeedFormatError, type FeedEntry } from "./parse";

// One poll of one feed (docs/decisions/025): take the feed's lease, ask with its validators, read
// the items, import those never seen by URL (the import itself answers an address or a text the
// desk already has with that article), then record how it went and when to poll next.

export const FEED_MAX_BYTES = 5_000_000;
export const FEED_TIMEOUT_MS = 20_000;
// A feed's first poll may list a hundred items; each is a page fetch and an import. The rest wait
// for the next poll, which comes at once rather than after the interval.
export const MAX_IMPORTS_PER_POLL = 20;
// An item whose import failed is tried on this many polls, then left as failed.
export const MAX_ITEM_ATTEMPTS = 3;
// A lease older than this belongs to a node that died mid-poll.
export const LEASE_MINUTES = 15;
// Failures in a row stretch the interval, at most this many times over (and at most a day).
const MAX_BACKOFF = 8;
const DAY_MINUTES = 24 * 60;

export type PollDeps = {
  enqueueMatch?: (articleId: string) => Promise<unknown>;
  /** Tests: the fetcher's allow-list for their fixture server. */
  fetchOptions?: Pick<SafeFetchOptions, "allowHosts" | "resolver" | "timeoutMs">;
  now?: () => Date;
  /** Tests: a smaller batch than MAX_IMPORTS_PER_POLL. */
  maxImports?: number;
};

export type PollResult =
  | { outcome: "skipped"; reason: "busy" | "paused" | "gone" }
  | { outcome: "not_modified" }
  | { outcome: "error"; error: string }
  | { outcome: "ok"; listed: number; imported: number; duplicates: number; failed: number; remaining: number };

type Leased = {
  id: string;
  url: string;
  outletId: string;
  createdById: string | null;
  etag: string | null;
  lastModified: string | null;
  intervalMinutes: number;
  failures: number;
  paused: boolean;
  title: string | null;
};

async function takeLease(db: Db, id: string): Promise<Leased | null> {
  const rows = await db.$queryRaw<Leased[]>`
    UPDATE "Feed" SET "pollingSince" = now()
    WHERE id = ${id}::uuid AND ("pollingSince" IS NULL OR "pollingSince" < now() - make_interval(mins => ${LEASE_MINUTES}))
    RETURNING id, url, "outletId", "createdById", etag, "lastModified", "intervalMinutes", failures, paused, title`;
  return rows[0] ?? null;
}

const minutes = (from: Date, n: number) => new Date(from.getTime() + n * 60_000);

export function backoffMinutes(intervalMinutes: number, failures: number): number {
  return Math.max(intervalMinutes, Math.min(intervalMinutes * Math.min(2 ** Math.max(failures - 1, 0), MAX_BACKOFF), DAY_MINUTES));
}

const describe = (e: unknown) => {
  if (e instanceof FetchError) return e.message;
  if (e instanceof FeedFormatError) return e.message;
  const err = e as { message?: string; extra?: { reason?: string } };
  return (err?.message ?? String(e)).slice(0, 500);
};

/** The items of this poll to import: never seen, or failed fewer than MAX_ITEM_ATTEMPTS times. */
async function itemsToImport(db: Db, feedId: string, entries: FeedEntry[]) {
  const known = await db.feedItem.findMany({ where: { feedId, url: { in: entries.map((e) => e.url) } }, select: { url: true, state: true, attempts: true } });
  const byUrl = new Map(known.map((k) => [k.url, k]));
  return entries.filter((e) => {
    const k = byUrl.get(e.url);
    return !k || (k.state === "FAILED" && k.attempts < MAX_ITEM_ATTEMPTS);
  });
}

async function importEntry(db: Db, feed: Leased, entry: FeedEntry, deps: PollDeps): Promise<"IMPORTED" | "DUPLICATE" | "FAILED"> {
  const base = { url: entry.url, guid: entry.guid?.slice(0, 2000) ?? null, title: entry.title, publishedAt: entry.publishedAt };
  try {
    const res = await importArticleFromUrl(db, {
      // The page's own metadata names the title; the feed's date is the outlet's word, kept when given.
      url: entry.url,
      actorId: feed.createdById,
      outletId: feed.outletId,
      publishedAt: entry.publishedAt?.toISOString(),
      enqueue: deps.enqueueMatch,
      fetchOptions: deps.fetchOptions,
    });
    const article = await db.article.findUnique({ where: { id: res.articleId }, select: { contentHash: true } });
    const state = res.created ? "IMPORTED" : "DUPLICATE";
    const data = { ...base, state, articleId: res.articleId, contentHash: article?.contentHash ?? null, error: null } as const;
    await db.feedItem.upsert({
      where: { feedId_url: { feedId: feed.id, url: entry.url } },
      create: { feedId: feed.id, ...data },
      update: { ...data, attempts: { increment: 1 } },
    });
    return state;
  } catch (e) {
    const error = describe(e);
    await db.feedItem.upsert({
      where: { feedId_url: { feedId: feed.id, url: entry.url } },
      create: { feedId: feed.id, ...base, state: "FAILED", error },
      update: { state: "FAILED", error, attempts: { increment: 1 } },
    });
    return "FAILED";
  }
}

/**
 * Polls one feed. `manual`: an admin's "poll now", which runs on a paused feed too. Never throws
 * for the feed's own failures: they are recorded on the feed (status ERROR, lastError) and the
 * next poll backs off.
 */
export async function pollFeed(db: Db, feedId: string, opts: { manual?: boolean } & PollDeps = {}): Promise<PollResult> {
  const now = opts.now ?? (() => new Date());
  const feed = await takeLease(db, feedId);
  if (!feed) return { outcome: "skipped", reason: (await db.feed.count({ where: { id: feedId } })) ? "busy" : "gone" };
  let released = false;
  const finish = async (data: Prisma.FeedUpdateManyMutationInput) => {
    await db.feed.updateMany({ where: { id: feed.id }, data: { ...data, pollingSince: null } });
    released = true;
  };
  try {
    if (feed.paused && !opts.manual) {
      await finish({});
      return { outcome: "skipped", reason: "paused" };
    }
    const headers: Record<string, string> = {};
    if (feed.etag) headers["if-none-match"] = feed.etag;
    if (feed.lastModified) headers["if-modified-since"] = feed.lastModified;
    let res;
    let parsed;
    try {
      res = await safeFetch(feed.url, { accept: "feed", headers, maxBytes: FEED_MAX_BYTES, timeoutMs: FEED_TIMEOUT_MS, ...opts.fetchOptions });
      parsed = res.status === 304 ? null : parseFeed(res.body, res.finalUrl);
    } catch (e) {
      if (!(e instanceof FetchError) && !(e instanceof FeedFormatError)) throw e;
      const failures = feed.failures + 1;
      const at = now();
      const error = describe(e);
      await finish({
        status: "ERROR",
        lastError: error,
        failures,
        lastPolledAt: at,
        lastHttpStatus: e instanceof FetchError ? (e.detail.status ?? null) : (res?.status ?? null),
        nextPollAt: minutes(at, backoffMinutes(feed.intervalMinutes, failures)),
      });
      return { outcome: "error", error };
    }
    const at = now();
    const healthy = { status: "OK", lastError: null, failures: 0, lastPolledAt: at, lastHttpStatus: res.status } as const;
    if (!parsed) {
      await finish({ ...healthy, nextPollAt: minutes(at, feed.intervalMinutes) });
      return { outcome: "not_modified" };
    }
    // Oldest first, so the desk's own import order follows the outlet's.
    const fresh = (await itemsToImport(db, feed.id, parsed.items)).reverse();
    const batch = fresh.slice(0, opts.maxImports ?? MAX_IMPORTS_PER_POLL);
    const counts = { IMPORTED: 0, DUPLICATE: 0, FAILED: 0 };
    for (const entry of batch) counts[await importEntry(db, feed, entry, opts)]++;
    const remaining = fresh.length - batch.length;
    await finish({
      ...healthy,
      title: feed.title ?? parsed.title,
      // With items left over, the validators are not kept: the next poll must see the whole feed.
      etag: remaining ? null : (res.headers.etag ?? null),
      lastModified: remaining ? null : (res.headers["last-modified"] ?? null),
      ...(counts.IMPORTED ? { lastNewItemAt: at } : {}),
      nextPollAt: remaining ? at : minutes(at, feed.intervalMinutes),
    });
    return { outcome: "ok", listed: parsed.items.length, imported: counts.IMPORTED, duplicates: counts.DUPLICATE, failed: counts.FAILED, remaining };
  } finally {
    // A database error mid-poll: the lease is given back so the next poll need not wait it out.
    if (!released) await db.feed.updateMany({ where: { id: feed.id }, data: { pollingSince: null } }).catch(() => undefined);
  }
}
