import "server-only";
import type { Db } from "../db/client";
import type { FeedItemState, FeedStatus } from "../db/generated/client";

export const feedSelect = {
  id: true,
  url: true,
  title: true,
  intervalMinutes: true,
  paused: true,
  status: true,
  lastError: true,
  failures: true,
  lastHttpStatus: true,
  lastPolledAt: true,
  lastNewItemAt: true,
  nextPollAt: true,
  pollingSince: true,
  createdAt: true,
  outlet: { select: { id: true, name: true } },
} as const;

type FeedRow = {
  id: string;
  url: string;
  title: string | null;
  intervalMinutes: number;
  paused: boolean;
  status: FeedStatus;
  lastError: string | null;
  failures: number;
  lastHttpStatus: number | null;
  lastPolledAt: Date | null;
  lastNewItemAt: Date | null;
  nextPollAt: Date;
  pollingSince: Date | null;
  createdAt: Date;
  outlet: { id: string; name: string };
};
export type ItemCounts = Record<FeedItemState, number>;
const NO_ITEMS: ItemCounts = { IMPORTED: 0, DUPLICATE: 0, FAILED: 0 };

// The one JSON shape of a feed, for the API and the admin page alike.
export function presentFeed(f: FeedRow, counts: ItemCounts = NO_ITEMS) {
  return {
    id: f.id,
    url: f.url,
    title: f.title,
    outlet: f.outlet,
    intervalMinutes: f.intervalMinutes,
    paused: f.paused,
    status: f.status,
    lastError: f.lastError,
    failures: f.failures,
    lastHttpStatus: f.lastHttpStatus,
    lastPolledAt: f.lastPolledAt?.toISOString() ?? null,
    lastNewItemAt: f.lastNewItemAt?.toISOString() ?? null,
    nextPollAt: f.nextPollAt.toISOString(),
    polling: f.pollingSince !== null,
    createdAt: f.createdAt.toISOString(),
    items: { imported: counts.IMPORTED, duplicates: counts.DUPLICATE, failed: counts.FAILED, total: counts.IMPORTED + counts.DUPLICATE + counts.FAILED },
  };
}
export type FeedJson = ReturnType<typeof presentFeed>;

async function itemCounts(db: Db, feedIds: string[]): Promise<Map<string, ItemCounts>> {
  const rows = await db.feedItem.groupBy({ by: ["feedId", "state"], where: { feedId: { in: feedIds } }, _count: { _all: true } });
  const out = new Map<string, ItemCounts>();
  for (const r of rows) {
    const c = out.get(r.feedId) ?? { ...NO_ITEMS };
    c[r.state] = r._count._all;
    out.set(r.feedId, c);
  }
  return out;
}

export async function listFeeds(db: Db): Promise<FeedJson[]> {
  const rows = await db.feed.findMany({ select: feedSelect, orderBy: [{ outlet: { name: "asc" } }, { url: "asc" }] });
  const counts = await itemCounts(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => presentFeed(r, counts.get(r.id)));
}

export async function getFeed(db: Db, id: string, opts: { items?: number } = {}) {
  const row = await db.feed.findUnique({ where: { id }, select: feedSelect });
  if (!row) return null;
  const [counts, items] = await Promise.all([
    itemCounts(db, [id]),
    db.feedItem.findMany({
      where: { feedId: id },
      orderBy: [{ firstSeenAt: "desc" }, { id: "asc" }],
      take: opts.items ?? 50,
      select: { id: true, url: true, title: true, publishedAt: true, state: true, articleId: true, error: true, attempts: true, firstSeenAt: true },
    }),
  ]);
  return {
    feed: presentFeed(row, counts.get(id)),
    items: items.map((i) => ({ ...i, publishedAt: i.publishedAt?.toISOString() ?? null, firstSeenAt: i.firstSeenAt.toISOString() })),
  };
}
