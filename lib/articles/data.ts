import "server-only";
import type { Db } from "../db/client";

const articleFields = {
  id: true,
  title: true,
  url: true,
  publishedAt: true,
  language: true,
  wireCredit: true,
  matching: true,
  matchingError: true,
  createdAt: true,
  outlet: { select: { id: true, name: true } },
  fetchUrl: true,
  currentVersion: true,
  lastFetchedAt: true,
  fetchError: true,
} as const;
const claimFields = {
  id: true,
  text: true,
  start: true,
  end: true,
  kind: true,
  checkworthiness: true,
  attribution: true,
  status: true,
  version: true,
  setAside: true,
  setAsideNote: true,
  context: true,
  origin: true,
  mergedIntoId: true,
  anchoredVersion: true,
  sourceChanged: true,
  sourceChange: true,
} as const;

// Newest first, with a stable tiebreak so a cursor never skips or repeats an article.
// troubled: only articles whose matching failed or is being retried after a failure (admins' view).
export async function listArticles(db: Db, opts: { limit?: number; cursor?: string; outletId?: string; troubled?: boolean } = {}) {
  const limit = opts.limit ?? 100;
  const rows = await db.article.findMany({
    where: {
      ...(opts.outletId ? { outletId: opts.outletId } : {}),
      ...(opts.troubled ? { OR: [{ matching: "FAILED" as const }, { matchingError: { not: null } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(opts.cursor ? { cursor: { id: opts.cursor }, skip: 1 } : {}),
    select: { ...articleFields, _count: { select: { claims: true } } },
  });
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
}

export function getArticle(db: Db, id: string) {
  return db.article.findUnique({
    where: { id },
    select: { ...articleFields, text: true, claims: { select: claimFields, orderBy: { start: "asc" } } },
  });
}

export function knownOutlets(db: Db) {
  return db.outlet.findMany({ select: { name: true, domain: true }, orderBy: { name: "asc" } });
}

// How many articles' matching failed or is being retried: the admins' link to them says so.
export function countTroubledArticles(db: Db) {
  return db.article.count({ where: { OR: [{ matching: "FAILED" }, { matchingError: { not: null } }] } });
}
