import "server-only";
import { Prisma } from "../db/generated/client";
import type { Db, Tx } from "../db/client";
import { query, sql, toPrisma, type Sql } from "../db/sql";
import type { ListClaimsQuery } from "./schema";

export async function deskCounts(db: Db) {
  const [articles, byStatus] = await Promise.all([db.article.count(), db.claim.groupBy({ by: ["status"], _count: { _all: true } })]);
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
  id: true,
  text: true,
  start: true,
  end: true,
  kind: true,
  checkworthiness: true,
  attribution: true,
  status: true,
  version: true,
  suggestedVerdict: true,
  context: true,
  setAside: true,
  anchoredVersion: true,
  sourceChanged: true,
  sourceChange: true,
} as const;
const outlet = { select: { id: true, name: true } } as const;

type Named = { id: string; name: string };
type ClaimStatus = "UNREVIEWED" | "CORROBORATED" | "SINGLE_SOURCED" | "CONTRADICTED";
export type LinkRow = {
  id: string;
  relation: "SUPPORTS" | "CONTRADICTS";
  state: "SUGGESTED" | "CONFIRMED";
  origin: "SUGGESTED" | "REVIEWER";
  score: number;
  reasons: string[];
  independent: boolean;
  // A suggested support from a report of another event: not counted until confirmed (decision 038).
  background: boolean;
  createdBy: Named | null;
  toClaim: {
    id: string;
    text: string;
    start: number;
    end: number;
    prefix: string;
    suffix: string;
    status: ClaimStatus;
    article: { id: string; title: string | null; outlet: Named };
  };
};
type ClaimRow = {
  id: string;
  text: string;
  start: number;
  end: number;
  kind: string;
  checkworthiness: number;
  attribution: string | null;
  status: ClaimStatus;
  version: number;
  suggestedVerdict: "CORROBORATED" | "SINGLE_SOURCED" | "CONTRADICTED";
  context: string | null;
  setAside: string | null;
  anchoredVersion: number;
  sourceChanged: boolean;
  sourceChange: Prisma.JsonValue | null;
  currentVersion: number;
  needsReview: boolean;
  needsReviewReason: string | null;
  awaitingApproval: boolean;
  publishedAt: Date | null;
  published: unknown;
  assigneeId: string | null;
  assigneeName: string | null;
  articleId: string;
  articleTitle: string | null;
  articleUrl: string | null;
  articlePublishedAt: Date | null;
  articleText: string | null;
  wireCredit: string | null;
  outletId: string;
  outletName: string;
  links: LinkRow[];
};

// The job keeps ten suggestions per claim; the limit and the own-article check hold even for rows
// written by hand.
function splitLinks(articleId: string, rows: LinkRow[]) {
  return {
    links: rows.filter((l) => l.state === "CONFIRMED"),
    suggestions: rows.filter((l) => l.state === "SUGGESTED" && l.toClaim.article.id !== articleId).slice(0, 10),
  };
}

/**
 * A claim, its article and its confirmed and suggested links (best first), in one statement and
 * one round trip: the primary key, then the fromClaimId/state/score index for the links
 * (docs/decisions/020). withText adds the article's text, which only the claim page shows.
 */
export function claimReadSql(id: string, withText: boolean) {
  return sql`
    SELECT c.id, c.text, c.start, c."end", c.kind::text AS kind, c.checkworthiness, c.attribution, c.status::text AS status, c.version,
      c."suggestedVerdict"::text AS "suggestedVerdict", c.context, c."setAside"::text AS "setAside",
      c."anchoredVersion", c."sourceChanged", c."sourceChange",
      c."needsReview", c."needsReviewReason", c."awaitingApproval", c."publishedAt", c.published, c."assigneeId", asg.name AS "assigneeName",
      a.id AS "articleId", a.title AS "articleTitle", a.url AS "articleUrl", a."publishedAt" AS "articlePublishedAt",
      ${withText ? sql`a.text` : sql`NULL::text`} AS "articleText", a."wireCredit", a."currentVersion", o.id AS "outletId", o.name AS "outletName",
      COALESCE(l.links, '[]'::json) AS links
    FROM "Claim" c
    JOIN "Article" a ON a.id = c."articleId"
    JOIN "Outlet" o ON o.id = a."outletId"
    LEFT JOIN "User" asg ON asg.id = c."assigneeId"
    CROSS JOIN LATERAL (
      SELECT json_agg(json_build_object(
        'id', l.id, 'relation', l.relation, 'state', l.state, 'origin', l.origin, 'score', l.score, 'reasons', l.reasons, 'independent', l.independent, 'background', l.background,
        'createdBy', CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('id', u.id, 'name', u.name) END,
        'toClaim', json_build_object('id', t.id, 'text', t.text, 'start', t.start, 'end', t."end", 'prefix', t.prefix, 'suffix', t.suffix, 'status', t.status,
          'article', json_build_object('id', ta.id, 'title', ta.title, 'outlet', json_build_object('id', tao.id, 'name', tao.name))))
        ORDER BY l.score DESC, l."toClaimId") AS links
      FROM "ClaimLink" l
      JOIN "Claim" t ON t.id = l."toClaimId"
      JOIN "Article" ta ON ta.id = t."articleId"
      JOIN "Outlet" tao ON tao.id = ta."outletId"
      LEFT JOIN "User" u ON u.id = l."createdById"
      WHERE l."fromClaimId" = c.id AND l.state IN ('SUGGESTED', 'CONFIRMED')
    ) l
    WHERE c.id = ${id}::uuid`;
}

// Who runs the read: the thin client on the request path, Prisma inside a write's transaction.
type Runner = <T>(q: Sql) => Promise<T[]>;
const prepared: Runner = (q) => query(q, { prepared: true }); // a lookup by primary key: one plan fits all
const viaPrisma =
  (db: Db | Tx): Runner =>
  (q) =>
    db.$queryRaw(toPrisma(q));

async function readClaim(run: Runner, id: string, withText: boolean) {
  const [r] = await run<ClaimRow>(claimReadSql(id, withText));
  if (!r) return null;
  const claim = {
    id: r.id,
    text: r.text,
    start: r.start,
    end: r.end,
    kind: r.kind,
    checkworthiness: r.checkworthiness,
    attribution: r.attribution,
    status: r.status,
    version: r.version,
    suggestedVerdict: r.suggestedVerdict,
    context: r.context,
    setAside: r.setAside,
    anchoredVersion: r.anchoredVersion,
    sourceChanged: r.sourceChanged,
    sourceChange: r.sourceChange,
    needsReview: r.needsReview,
    needsReviewReason: r.needsReviewReason,
    awaitingApproval: r.awaitingApproval,
    publishedAt: r.publishedAt,
    published: r.published,
    assignee: r.assigneeId ? { id: r.assigneeId, name: r.assigneeName ?? "" } : null,
    article: {
      id: r.articleId,
      title: r.articleTitle,
      url: r.articleUrl,
      publishedAt: r.articlePublishedAt,
      text: r.articleText ?? "",
      wireCredit: r.wireCredit,
      currentVersion: r.currentVersion,
      outlet: { id: r.outletId, name: r.outletName },
    },
  };
  return { claim, ...splitLinks(r.articleId, r.links) };
}

// A claim with its links and stored suggestions, in one read: suggestions are never computed here.
export function claimWithLinks(db: Db | Tx, id: string) {
  return readClaim(viaPrisma(db), id, false);
}

// The same read on the request path (the claim API), through the thin client (docs/decisions/028).
export function claimForApi(id: string) {
  return readClaim(prepared, id, false);
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

// The claim page: the claim in its article's text, its confirmed links and its stored suggestions,
// each with the passage's context. One read; suggestions are never computed here.
export async function claimForReview(db: Db, id: string) {
  const read = await readClaim(prepared, id, true);
  if (!read) return null;
  const { claim } = read;
  // A claim left on an earlier version is shown in that version's text, where its offsets point.
  if (claim.anchoredVersion !== claim.article.currentVersion) {
    const v = await db.articleVersion.findUnique({
      where: { articleId_number: { articleId: claim.article.id, number: claim.anchoredVersion } },
      select: { text: true },
    });
    if (v) claim.article = { ...claim.article, text: v.text };
  }
  return read;
}
export type ClaimForReview = ClaimWithLinks;

// A claim's curation history (span, split, merge, set aside, add), newest first.
import type { CurationAction } from "../db/generated/enums";
export type { CurationAction };

type ClaimEditRow = {
  action: CurationAction;
  before: Prisma.JsonValue | null;
  after: Prisma.JsonValue | null;
  note: string | null;
  at: Date;
  actor: { id: string; name: string } | null;
};

// Read on every claim page, beside its verdict history: through the thin client (docs/decisions/028).
export function claimEdits(claimId: string) {
  return query<ClaimEditRow>(
    sql`
    SELECT e.action::text AS action, e.before, e.after, e.note, e.at, CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('id', u.id, 'name', u.name) END AS actor
    FROM "ClaimEdit" e LEFT JOIN "User" u ON u.id = e."actorId" WHERE e."claimId" = ${claimId}::uuid ORDER BY e.at DESC`,
    { prepared: true },
  );
}
