import "server-only";
import type { Db } from "../db/client";
import { empty, join, query, queryWithin, sql, type Sql } from "../db/sql";
import { QUEUE_PAGE_SIZE, queueCursor, readQueueCursor, statusValue, type ClaimStatusValue, type QueueFilters, type QueueKey } from "./schema";

export type QueueRow = {
  id: string;
  text: string;
  context: string | null;
  checkworthiness: number;
  status: ClaimStatusValue;
  suggestedVerdict: ClaimStatusValue;
  articleId: string;
  articleTitle: string | null;
  outletId: string;
  outletName: string;
  assigneeId: string | null;
  assigneeName: string | null;
  suggestions: number;
  contradictions: number;
  needsReview: boolean;
  awaitingApproval: boolean;
  published: boolean;
  sourceChanged: boolean;
};

function likePattern(q: string) {
  return `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}

// Every filter but status: the status counts are shown for the rest of the filter set. `index`
// filters are answered by an index on Claim; `probe` filters are checked claim by claim (a link
// lookup, a text match), which the counts bound separately (docs/decisions/029).
function filterParts(f: QueueFilters, actorId: string): { index: Sql[]; probe: Sql[] } {
  // Claims set aside (opinion, prediction, too vague, duplicate) stay on their article, not in the queue.
  const where: Sql[] = [sql`c."setAside" IS NULL`];
  const probe: Sql[] = [];
  // A subquery rather than the article join, so the counts need no join at all.
  if (f.outlet) where.push(sql`c."articleId" IN (SELECT id FROM "Article" WHERE "outletId" = ${f.outlet}::uuid)`);
  if (f.article) where.push(sql`c."articleId" = ${f.article}::uuid`);
  if (f.assignee === "me") where.push(sql`c."assigneeId" = ${actorId}::uuid`);
  else if (f.assignee === "unassigned") where.push(sql`c."assigneeId" IS NULL`);
  else if (f.assignee !== "anyone") where.push(sql`c."assigneeId" = ${f.assignee}::uuid`);
  if (f.contradiction)
    probe.push(sql`EXISTS (SELECT 1 FROM "ClaimLink" x WHERE x."fromClaimId" = c.id AND x.state = 'SUGGESTED' AND x.relation = 'CONTRADICTS')`);
  if (f.flag === "needs-review") where.push(sql`c."needsReview"`);
  else if (f.flag === "awaiting-approval") where.push(sql`c."awaitingApproval"`);
  else if (f.flag === "source-changed") where.push(sql`c."sourceChanged"`);
  // ILIKE on "text" is served by the trigram index.
  if (f.q) probe.push(sql`c.text ILIKE ${likePattern(f.q)}`);
  return { index: where, probe };
}

function conditions(f: QueueFilters, actorId: string): Sql[] {
  const { index, probe } = filterParts(f, actorId);
  return [...index, ...probe];
}

const and = (parts: Sql[]) => (parts.length ? sql`WHERE ${join(parts, " AND ")}` : empty);

const SUGGESTION_COUNTS = sql`CROSS JOIN LATERAL (
      SELECT count(*)::int AS suggestions, (count(*) FILTER (WHERE l.relation = 'CONTRADICTS'))::int AS contradictions
      FROM "ClaimLink" l WHERE l."fromClaimId" = c.id AND l.state = 'SUGGESTED'
    ) s`;

function filtered(f: QueueFilters, actorId: string) {
  const where = conditions(f, actorId);
  const status = statusValue(f.status);
  if (status) where.push(sql`c.status = ${status}::"ClaimStatus"`);
  return where;
}

// Rows after or before a key in the queue's order. The check-worthiness bound repeats what the
// OR says so that the index on check-worthiness starts the scan at the key instead of the top.
const afterKey = (k: QueueKey) =>
  sql`c.checkworthiness <= ${k.cw} AND (c.checkworthiness < ${k.cw} OR (c.checkworthiness = ${k.cw} AND (s.suggestions < ${k.n} OR (s.suggestions = ${k.n} AND c.id > ${k.id}::uuid))))`;
const beforeKey = (k: QueueKey) =>
  sql`c.checkworthiness >= ${k.cw} AND (c.checkworthiness > ${k.cw} OR (c.checkworthiness = ${k.cw} AND (s.suggestions > ${k.n} OR (s.suggestions = ${k.n} AND c.id < ${k.id}::uuid))))`;
const FORWARD = sql`ORDER BY c.checkworthiness DESC, s.suggestions DESC, c.id ASC`;
const BACKWARD = sql`ORDER BY c.checkworthiness ASC, s.suggestions ASC, c.id DESC`;
const keyOf = (r: QueueRow): QueueKey => ({ cw: r.checkworthiness, n: r.suggestions, id: r.id });

export function queuePageSql(f: QueueFilters, actorId: string, pageSize = QUEUE_PAGE_SIZE) {
  const where = filtered(f, actorId);
  if (f.after) where.push(afterKey(readQueueCursor(f.after)));
  else if (f.before) where.push(beforeKey(readQueueCursor(f.before)));
  // Without a cursor, page N is still served by offset, so old links keep working.
  const offset = f.after || f.before ? 0 : (f.page - 1) * pageSize;
  return sql`
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
    ${f.before ? BACKWARD : FORWARD}
    LIMIT ${pageSize + 1} OFFSET ${offset}`;
}

/**
 * One page of the queue in one query: most check-worthy first, then the claims with the most
 * cross-source suggestions (counted from the fromClaimId/state index), then id so the order is total.
 * Next and previous pages are read by keyset from the cursors returned (docs/decisions/021).
 */
export async function queuePage(f: QueueFilters, actorId: string, pageSize = QUEUE_PAGE_SIZE) {
  const rows = await query<QueueRow>(queuePageSql(f, actorId, pageSize));
  const more = rows.length > pageSize;
  const items = f.before ? rows.slice(0, pageSize).reverse() : rows.slice(0, pageSize);
  const hasNext = f.before ? true : more;
  const hasPrevious = f.before ? more : f.page > 1 || !!f.after;
  return {
    items,
    hasNext: hasNext && items.length > 0,
    hasPrevious,
    nextCursor: hasNext && items.length ? queueCursor(keyOf(items[items.length - 1])) : null,
    previousCursor: hasPrevious && items.length ? queueCursor(keyOf(items[0])) : null,
  };
}

/**
 * The claims before and after one claim in the queue the reviewer came from: the same filters and
 * the same order as queuePage, by keyset from the claim's own sort key (the claim itself need not
 * match the filters any more, e.g. once reviewed). Next wraps round to the top of that queue.
 * One statement: the claim's key is read once (InitPlans) and bounds each index scan.
 */
export async function queueNeighbours(f: QueueFilters, actorId: string, claimId: string) {
  const key = {
    cw: sql`(SELECT checkworthiness FROM "Claim" WHERE id = ${claimId}::uuid)`,
    n: sql`(SELECT count(*)::int FROM "ClaimLink" WHERE "fromClaimId" = ${claimId}::uuid AND state = 'SUGGESTED')`,
  };
  const base = filtered(f, actorId);
  const from = sql`FROM "Claim" c ${SUGGESTION_COUNTS}`;
  const after = sql`c.checkworthiness <= ${key.cw} AND (c.checkworthiness < ${key.cw} OR (c.checkworthiness = ${key.cw} AND (s.suggestions < ${key.n} OR (s.suggestions = ${key.n} AND c.id > ${claimId}::uuid))))`;
  const before = sql`c.checkworthiness >= ${key.cw} AND (c.checkworthiness > ${key.cw} OR (c.checkworthiness = ${key.cw} AND (s.suggestions > ${key.n} OR (s.suggestions = ${key.n} AND c.id < ${claimId}::uuid))))`;
  const rows = await query<{ which: "next" | "previous" | "top"; id: string }>(sql`
    SELECT 'next' AS which, id FROM (SELECT c.id ${from} ${and([...base, after])} ${FORWARD} LIMIT 1) n
    UNION ALL SELECT 'previous', id FROM (SELECT c.id ${from} ${and([...base, before])} ${BACKWARD} LIMIT 1) p
    UNION ALL SELECT 'top', id FROM (SELECT c.id ${from} ${and([...base, sql`c.id <> ${claimId}::uuid`])} ${FORWARD} LIMIT 1) t
    WHERE EXISTS (SELECT 1 FROM "Claim" WHERE id = ${claimId}::uuid)`);
  const pick = (w: string) => rows.find((r) => r.which === w)?.id ?? null;
  return { nextId: pick("next") ?? pick("top"), previousId: pick("previous") };
}

// Counts stop at this many: past it a reviewer learns "more than ten thousand", never a number that
// took a scan of the whole desk to get (docs/decisions/021).
export const COUNT_CAP = 10_000;
export type StatusCount = { n: number; capped: boolean };
const STATUSES: ClaimStatusValue[] = ["UNREVIEWED", "CORROBORATED", "SINGLE_SOURCED", "CONTRADICTED"];

// Under a filter checked claim by claim (a contradiction suggested, a search), a count examines at
// most this many claims of a status; past that it is a lower bound, shown as one (docs/decisions/029).
export const COUNT_EXAMINE = 500;

// One capped count per status, each with its status as a constant, so each is planned for its own
// size (a rare status by its index, a common one by the other filters' indexes). `examined` says
// how many claims a bounded count looked at.
export function statusCountsSql(f: QueueFilters, actorId: string) {
  const { index, probe } = filterParts(f, actorId);
  return join(
    STATUSES.map((st) => {
      const of = [...index, sql`c.status = ${st}::"ClaimStatus"`];
      if (!probe.length)
        return sql`
      SELECT ${st}::text AS status, (SELECT count(*)::int FROM (SELECT 1 FROM "Claim" c ${and(of)} LIMIT ${COUNT_CAP + 1}) x) AS n, 0 AS examined`;
      // OFFSET 0 keeps the probe outside the bounded scan, so it is checked on those claims only.
      return sql`
      SELECT ${st}::text AS status, x.n, x.examined FROM (
        SELECT (count(*) FILTER (WHERE ${join(probe, " AND ")}))::int AS n, count(*)::int AS examined
        FROM (SELECT c.id${f.q ? sql`, c.text` : empty} FROM "Claim" c ${and(of)} LIMIT ${COUNT_EXAMINE} OFFSET 0) c
      ) x`;
    }),
    " UNION ALL ",
  );
}

// How long the counts may take before the queue is shown without them: the page must answer, and
// a count is a convenience (docs/decisions/021).
export const COUNT_BUDGET_MS = 80;

const timedOut = (e: unknown) => (e as { code?: string }).code === "57014"; // query_canceled by statement_timeout

/**
 * Claims per status under the other filters, so each status link says how many it leads to: exact
 * up to COUNT_CAP, "at least" past it, and null when counting would take longer than the budget
 * (a rare combination of filters on a large desk); the queue is then shown without counts.
 */
export async function queueStatusCounts(f: QueueFilters, actorId: string, budgetMs = COUNT_BUDGET_MS): Promise<Record<ClaimStatusValue, StatusCount> | null> {
  let rows: { status: ClaimStatusValue; n: number; examined: number }[];
  try {
    rows = await queryWithin<{ status: ClaimStatusValue; n: number; examined: number }>(budgetMs, statusCountsSql(f, actorId));
  } catch (e) {
    if (timedOut(e)) return null;
    throw e;
  }
  const out = Object.fromEntries(STATUSES.map((s) => [s, { n: 0, capped: false }])) as Record<ClaimStatusValue, StatusCount>;
  for (const r of rows) out[r.status] = { n: Math.min(r.n, COUNT_CAP), capped: r.n > COUNT_CAP || r.examined >= COUNT_EXAMINE };
  return out;
}

// The most recent articles the filter form lists: enough to pick a story being worked on, few
// enough that every queue page does not carry the whole desk's titles (docs/decisions/020).
export const FILTER_ARTICLES = 50;

// What the filter form offers: outlets, recent articles and the people a claim can be assigned to,
// in one statement.
export async function queueFilterOptions() {
  const [row] = await query<{
    outlets: { id: string; name: string }[];
    articles: { id: string; title: string | null; outlet: { name: string } }[];
    reviewers: { id: string; name: string; role: "ADMIN" | "REVIEWER" }[];
  }>(sql`
    SELECT
      (SELECT COALESCE(json_agg(json_build_object('id', id, 'name', name) ORDER BY name), '[]') FROM "Outlet") AS outlets,
      (SELECT COALESCE(json_agg(json_build_object('id', a.id, 'title', a.title, 'outlet', json_build_object('name', o.name)) ORDER BY a."createdAt" DESC, a.id DESC), '[]')
        FROM (SELECT id, title, "outletId", "createdAt" FROM "Article" ORDER BY "createdAt" DESC, id DESC LIMIT ${FILTER_ARTICLES}) a JOIN "Outlet" o ON o.id = a."outletId") AS articles,
      (SELECT COALESCE(json_agg(json_build_object('id', id, 'name', name, 'role', role) ORDER BY name, id), '[]') FROM "User" WHERE active) AS reviewers`);
  return row;
}

export function assignableUsers(db: Db) {
  return db.user.findMany({ where: { active: true }, select: { id: true, name: true, role: true }, orderBy: [{ name: "asc" }, { id: "asc" }] });
}
