import "server-only";
import { Prisma } from "../db/generated/client";
import type { Db } from "../db/client";
import { QUEUE_PAGE_SIZE, statusValue, type ClaimStatusValue, type QueueFilters } from "./schema";

export type QueueRow = {
  id: string; text: string; context: string | null; checkworthiness: number; status: ClaimStatusValue; suggestedVerdict: ClaimStatusValue;
  articleId: string; articleTitle: string | null; outletId: string; outletName: string;
  assigneeId: string | null; assigneeName: string | null; suggestions: number; contradictions: number;
  needsReview: boolean; awaitingApproval: boolean; published: boolean; sourceChanged: boolean;
};

function likePattern(q: string) {
  return `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}

// Every filter but status: the status counts are shown for the rest of the filter set.
function conditions(f: QueueFilters, actorId: string): Prisma.Sql[] {
  // Claims set aside (opinion, prediction, too vague, duplicate) stay on their article, not in the queue.
  const where: Prisma.Sql[] = [Prisma.sql`c."setAside" IS NULL`];
  if (f.outlet) where.push(Prisma.sql`a."outletId" = ${f.outlet}::uuid`);
  if (f.article) where.push(Prisma.sql`c."articleId" = ${f.article}::uuid`);
  if (f.assignee === "me") where.push(Prisma.sql`c."assigneeId" = ${actorId}::uuid`);
  else if (f.assignee === "unassigned") where.push(Prisma.sql`c."assigneeId" IS NULL`);
  else if (f.assignee !== "anyone") where.push(Prisma.sql`c."assigneeId" = ${f.assignee}::uuid`);
  if (f.contradiction)
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM "ClaimLink" x WHERE x."fromClaimId" = c.id AND x.state = 'SUGGESTED' AND x.relation = 'CONTRADICTS')`);
  if (f.flag === "needs-review") where.push(Prisma.sql`c."needsReview"`);
  else if (f.flag === "awaiting-approval") where.push(Prisma.sql`c."awaitingApproval"`);
  else if (f.flag === "source-changed") where.push(Prisma.sql`c."sourceChanged"`);
  // ILIKE on "text" is served by the trigram index.
  if (f.q) where.push(Prisma.sql`c.text ILIKE ${likePattern(f.q)}`);
  return where;
}

const and = (parts: Prisma.Sql[]) => (parts.length ? Prisma.sql`WHERE ${Prisma.join(parts, " AND ")}` : Prisma.empty);

const SUGGESTION_COUNTS = Prisma.sql`CROSS JOIN LATERAL (
      SELECT count(*)::int AS suggestions, (count(*) FILTER (WHERE l.relation = 'CONTRADICTS'))::int AS contradictions
      FROM "ClaimLink" l WHERE l."fromClaimId" = c.id AND l.state = 'SUGGESTED'
    ) s`;

function filtered(f: QueueFilters, actorId: string) {
  const where = conditions(f, actorId);
  const status = statusValue(f.status);
  if (status) where.push(Prisma.sql`c.status = ${status}::"ClaimStatus"`);
  return where;
}

/**
 * One page of the queue in one query: most check-worthy first, then the claims with the most
 * cross-source suggestions (counted from the fromClaimId/state index), then id so the order is total.
 */
export async function queuePage(db: Db, f: QueueFilters, actorId: string, pageSize = QUEUE_PAGE_SIZE) {
  const where = filtered(f, actorId);
  const rows = await db.$queryRaw<QueueRow[]>`
    SELECT c.id, c.text, c.context, c.checkworthiness, c.status::text AS status, c."suggestedVerdict"::text AS "suggestedVerdict",
      a.id AS "articleId", a.title AS "articleTitle", o.id AS "outletId", o.name AS "outletName",
      c."assigneeId", u.name AS "assigneeName", s.suggestions, s.contradictions,
      c."needsReview", c."awaitingApproval", c."publishedAt" IS NOT NULL AS published, c."sourceChanged"
    FROM "Claim" c
    JOIN "Article" a ON a.id = c."articleId"
    JOIN "Outlet" o ON o.id = a."outletId"
    LEFT JOIN "User" u ON u.id = c."assigneeId"
    ${SUGGESTION_COUNTS}
    ${and(where)}
    ORDER BY c.checkworthiness DESC, s.suggestions DESC, c.id ASC
    LIMIT ${pageSize + 1} OFFSET ${(f.page - 1) * pageSize}`;
  return { items: rows.slice(0, pageSize), hasNext: rows.length > pageSize, hasPrevious: f.page > 1 };
}

/**
 * The claims before and after one claim in the queue the reviewer came from: the same filters and
 * the same order as queuePage, by keyset from the claim's own sort key (the claim itself need not
 * match the filters any more, e.g. once reviewed). Next wraps round to the top of that queue.
 */
export async function queueNeighbours(db: Db, f: QueueFilters, actorId: string, claimId: string) {
  const [me] = await db.$queryRaw<{ cw: number; n: number }[]>`
    SELECT c.checkworthiness AS cw, (SELECT count(*)::int FROM "ClaimLink" l WHERE l."fromClaimId" = c.id AND l.state = 'SUGGESTED') AS n
    FROM "Claim" c WHERE c.id = ${claimId}::uuid`;
  if (!me) return { nextId: null, previousId: null };
  const from = Prisma.sql`FROM "Claim" c JOIN "Article" a ON a.id = c."articleId" ${SUGGESTION_COUNTS}`;
  const base = filtered(f, actorId);
  const after = Prisma.sql`(c.checkworthiness < ${me.cw} OR (c.checkworthiness = ${me.cw} AND (s.suggestions < ${me.n} OR (s.suggestions = ${me.n} AND c.id > ${claimId}::uuid))))`;
  const before = Prisma.sql`(c.checkworthiness > ${me.cw} OR (c.checkworthiness = ${me.cw} AND (s.suggestions > ${me.n} OR (s.suggestions = ${me.n} AND c.id < ${claimId}::uuid))))`;
  const [next, previous] = await Promise.all([
    db.$queryRaw<{ id: string }[]>`SELECT c.id ${from} ${and([...base, after])} ORDER BY c.checkworthiness DESC, s.suggestions DESC, c.id ASC LIMIT 1`,
    db.$queryRaw<{ id: string }[]>`SELECT c.id ${from} ${and([...base, before])} ORDER BY c.checkworthiness ASC, s.suggestions ASC, c.id DESC LIMIT 1`,
  ]);
  const top = next[0] ? next : await db.$queryRaw<{ id: string }[]>`
    SELECT c.id ${from} ${and([...base, Prisma.sql`c.id <> ${claimId}::uuid`])} ORDER BY c.checkworthiness DESC, s.suggestions DESC, c.id ASC LIMIT 1`;
  return { nextId: top[0]?.id ?? null, previousId: previous[0]?.id ?? null };
}

// Claims per status under the other filters, so each status link says how many it leads to.
export async function queueStatusCounts(db: Db, f: QueueFilters, actorId: string): Promise<Record<ClaimStatusValue, number>> {
  const rows = await db.$queryRaw<{ status: ClaimStatusValue; n: number }[]>`
    SELECT c.status::text AS status, count(*)::int AS n
    FROM "Claim" c JOIN "Article" a ON a.id = c."articleId"
    ${and(conditions(f, actorId))}
    GROUP BY c.status`;
  const out: Record<ClaimStatusValue, number> = { UNREVIEWED: 0, CORROBORATED: 0, SINGLE_SOURCED: 0, CONTRADICTED: 0 };
  for (const r of rows) out[r.status] = r.n;
  return out;
}

// What the filter form offers: outlets, recent articles and the people a claim can be assigned to.
export async function queueFilterOptions(db: Db) {
  const [outlets, articles, reviewers] = await Promise.all([
    db.outlet.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db.article.findMany({ select: { id: true, title: true, outlet: { select: { name: true } } }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 200 }),
    assignableUsers(db),
  ]);
  return { outlets, articles, reviewers };
}

export function assignableUsers(db: Db) {
  return db.user.findMany({ where: { active: true }, select: { id: true, name: true, role: true }, orderBy: [{ name: "asc" }, { id: "asc" }] });
}
