import "server-only";
import { Prisma } from "../db/generated/client";
import type { Db } from "../db/client";
import { QUEUE_PAGE_SIZE, statusValue, type ClaimStatusValue, type QueueFilters } from "./schema";

export type QueueRow = {
  id: string; text: string; context: string | null; checkworthiness: number; status: ClaimStatusValue; suggestedVerdict: ClaimStatusValue;
  articleId: string; articleTitle: string | null; outletId: string; outletName: string;
  assigneeId: string | null; assigneeName: string | null; suggestions: number; contradictions: number;
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
  // ILIKE on "text" is served by the trigram index.
  if (f.q) where.push(Prisma.sql`c.text ILIKE ${likePattern(f.q)}`);
  return where;
}

const and = (parts: Prisma.Sql[]) => (parts.length ? Prisma.sql`WHERE ${Prisma.join(parts, " AND ")}` : Prisma.empty);

/**
 * One page of the queue in one query: most check-worthy first, then the claims with the most
 * cross-source suggestions (counted from the fromClaimId/state index), then id so the order is total.
 */
export async function queuePage(db: Db, f: QueueFilters, actorId: string, pageSize = QUEUE_PAGE_SIZE) {
  const where = conditions(f, actorId);
  const status = statusValue(f.status);
  if (status) where.push(Prisma.sql`c.status = ${status}::"ClaimStatus"`);
  const rows = await db.$queryRaw<QueueRow[]>`
    SELECT c.id, c.text, c.context, c.checkworthiness, c.status::text AS status, c."suggestedVerdict"::text AS "suggestedVerdict",
      a.id AS "articleId", a.title AS "articleTitle", o.id AS "outletId", o.name AS "outletName",
      c."assigneeId", u.name AS "assigneeName", s.suggestions, s.contradictions
    FROM "Claim" c
    JOIN "Article" a ON a.id = c."articleId"
    JOIN "Outlet" o ON o.id = a."outletId"
    LEFT JOIN "User" u ON u.id = c."assigneeId"
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS suggestions, (count(*) FILTER (WHERE l.relation = 'CONTRADICTS'))::int AS contradictions
      FROM "ClaimLink" l WHERE l."fromClaimId" = c.id AND l.state = 'SUGGESTED'
    ) s
    ${and(where)}
    ORDER BY c.checkworthiness DESC, s.suggestions DESC, c.id ASC
    LIMIT ${pageSize + 1} OFFSET ${(f.page - 1) * pageSize}`;
  return { items: rows.slice(0, pageSize), hasNext: rows.length > pageSize, hasPrevious: f.page > 1 };
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
