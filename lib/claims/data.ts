import "server-only";
import type { Db } from "../db/client";
import type { ListClaimsQuery } from "./schema";

export async function deskCounts(db: Db) {
  const [articles, byStatus] = await Promise.all([
    db.article.count(),
    db.claim.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  const status = Object.fromEntries(byStatus.map((r) => [r.status, r._count._all])) as Record<string, number>;
  return { articles, claims: byStatus.reduce((n, r) => n + r._count._all, 0), status };
}

export function queueClaims(db: Db, take = 50) {
  return db.claim.findMany({
    where: { status: "UNREVIEWED", setAside: null },
    orderBy: [{ checkworthiness: "desc" }, { id: "asc" }],
    take,
    select: { id: true, text: true, checkworthiness: true, article: { select: { id: true, title: true, outlet: { select: { name: true } } } } },
  });
}

const claimFields = {
  id: true, text: true, start: true, end: true, kind: true, checkworthiness: true, attribution: true, status: true, version: true, suggestedVerdict: true,
  context: true, setAside: true,
} as const;
const outlet = { select: { id: true, name: true } } as const;

const linkSelect = {
  id: true, relation: true, state: true, score: true, reasons: true, independent: true,
  createdBy: { select: { id: true, name: true } },
  toClaim: { select: { id: true, text: true, start: true, end: true, article: { select: { id: true, title: true, outlet } } } },
} as const;

// Confirmed and suggested links of a claim, best first; split by splitLinks below.
const openLinks = { where: { state: { in: ["SUGGESTED", "CONFIRMED"] as ("SUGGESTED" | "CONFIRMED")[] } }, orderBy: [{ score: "desc" as const }, { toClaimId: "asc" as const }] };

// The job keeps ten suggestions per claim; the limit and the own-article check hold even for rows
// written by hand.
function splitLinks<L extends { state: string; toClaim: { article: { id: string } } }>(articleId: string, rows: L[]) {
  return {
    links: rows.filter((l) => l.state === "CONFIRMED"),
    suggestions: rows.filter((l) => l.state === "SUGGESTED" && l.toClaim.article.id !== articleId).slice(0, 10),
  };
}

// A claim with its links and stored suggestions, in one read: suggestions are never computed here.
export async function claimWithLinks(db: Db, id: string) {
  const row = await db.claim.findUnique({
    where: { id },
    select: {
      ...claimFields,
      article: { select: { id: true, title: true, publishedAt: true, outlet } },
      linksFrom: { ...openLinks, select: linkSelect },
    },
  });
  if (!row) return null;
  const { linksFrom, ...claim } = row;
  return { claim, ...splitLinks(claim.article.id, linksFrom) };
}
export type ClaimWithLinks = NonNullable<Awaited<ReturnType<typeof claimWithLinks>>>;

// Most check-worthy first; id breaks ties so the cursor order is total. q uses the trigram index.
export async function listClaims(db: Db, query: ListClaimsQuery) {
  const rows = await db.claim.findMany({
    where: {
      ...(query.articleId ? { articleId: query.articleId } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.q ? { text: { contains: query.q, mode: "insensitive" as const } } : {}),
    },
    orderBy: [{ checkworthiness: "desc" }, { id: "asc" }],
    take: query.limit + 1,
    ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}),
    select: { ...claimFields, article: { select: { id: true, title: true, outlet } } },
  });
  const items = rows.slice(0, query.limit);
  return { items, nextCursor: rows.length > query.limit ? items[items.length - 1].id : null };
}
export type ClaimListRow = Awaited<ReturnType<typeof listClaims>>["items"][number];

const reviewLinkSelect = {
  id: true, relation: true, state: true, origin: true, score: true, reasons: true, independent: true,
  createdBy: { select: { id: true, name: true } },
  toClaim: { select: { id: true, text: true, start: true, end: true, prefix: true, suffix: true, status: true, article: { select: { id: true, title: true, outlet } } } },
} as const;

// The claim page: the claim in its article's text, its confirmed links and its stored suggestions,
// each with the passage's context. One read; suggestions are never computed here.
export async function claimForReview(db: Db, id: string) {
  const row = await db.claim.findUnique({
    where: { id },
    select: {
      ...claimFields,
      needsReview: true, needsReviewReason: true, awaitingApproval: true, publishedAt: true, published: true,
      assignee: { select: { id: true, name: true } },
      article: { select: { id: true, title: true, url: true, publishedAt: true, text: true, wireCredit: true, outlet } },
      linksFrom: { ...openLinks, select: reviewLinkSelect },
    },
  });
  if (!row) return null;
  const { linksFrom, ...claim } = row;
  return { claim, ...splitLinks(claim.article.id, linksFrom) };
}
export type ClaimForReview = NonNullable<Awaited<ReturnType<typeof claimForReview>>>;

// A claim's curation history (span, split, merge, set aside, add), newest first.
export type { CurationAction } from "../db/generated/enums";

export function claimEdits(db: Db, claimId: string) {
  return db.claimEdit.findMany({ where: { claimId }, orderBy: { at: "desc" }, select: { action: true, before: true, after: true, note: true, at: true, actor: { select: { id: true, name: true } } } });
}
