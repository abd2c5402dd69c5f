// The queue's reads timed in-process at several filters, and EXPLAIN (ANALYZE, BUFFERS) of the
// request path's hot statements, for `npm run bench:api`.
import type { Db } from "../../lib/db/client";
import { queuePage, queueStatusCounts } from "../../lib/queue/data";
import { parseQueueFilters } from "../../lib/queue/schema";
import { hotStatements, type HotContext } from "./hot-statements";

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];

async function timed(fn: () => Promise<unknown>, n = 15): Promise<string> {
  await fn();
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  return `${pct(ms, 0.5).toFixed(1).padStart(6)} / ${pct(ms, 0.95).toFixed(1).padStart(6)} ms`;
}

export async function queueFigures(db: Db, actorId: string): Promise<string[]> {
  const [outlet] = await db.$queryRaw<{ id: string }[]>`SELECT id FROM "Outlet" WHERE name LIKE 'Bench Outlet %' ORDER BY name LIMIT 1`;
  const [article] = await db.$queryRaw<{ id: string }[]>`SELECT "articleId" AS id FROM "Claim" LIMIT 1`;
  const views: [string, Record<string, string>][] = [
    ["unreviewed (default)", {}],
    ["all statuses", { status: "all" }],
    ["one outlet", { outlet: outlet.id }],
    ["one article", { article: article.id, status: "all" }],
    ["assigned to me", { assignee: "me" }],
    ["contradiction suggested", { contradiction: "on" }],
    ["needs re-review", { status: "all", flag: "needs-review" }],
    ['search "Bamako"', { q: "Bamako" }],
  ];
  const out: string[] = [`${"view".padEnd(26)} ${"first page".padEnd(19)} ${"page 3 (cursor)".padEnd(19)} status counts`];
  for (const [name, raw] of views) {
    const { filters } = parseQueueFilters(raw);
    const first = await timed(() => queuePage(filters, actorId));
    // Page 3 as a reviewer reaches it: by following the next-page cursor twice.
    const p2 = await queuePage(filters, actorId);
    const p3 = p2.nextCursor ? await queuePage({ ...filters, page: 2, after: p2.nextCursor }, actorId) : null;
    const third = p3?.nextCursor ? await timed(() => queuePage({ ...filters, page: 3, after: p3.nextCursor! }, actorId)) : "    (no page 3)   ";
    let givenUp = 0;
    const counts = await timed(async () => (givenUp += (await queueStatusCounts(filters, actorId)) ? 0 : 1));
    out.push(`${name.padEnd(26)} ${first} ${third} ${counts}${givenUp ? `  (no counts in ${givenUp} of 16: over budget)` : ""}`);
  }
  return out;
}

export async function hotContext(db: Db, claimId: string, actorId: string): Promise<HotContext> {
  const [outlet] = await db.$queryRaw<{ id: string }[]>`SELECT id FROM "Outlet" ORDER BY name LIMIT 1`;
  const first = await queuePage(parseQueueFilters({}).filters, actorId);
  return { claimId, actorId, outletId: outlet.id, cursor: first.nextCursor ?? `0.5_0_${claimId}` };
}

export async function explainHot(db: Db, claimId: string, actorId: string) {
  for (const [name, sql] of hotStatements(await hotContext(db, claimId, actorId))) {
    const plan = await db.$queryRaw<{ "QUERY PLAN": string }[]>`EXPLAIN (ANALYZE, BUFFERS) ${sql}`;
    console.log(`\n-- ${name}\n${plan.map((r) => r["QUERY PLAN"]).join("\n")}`);
  }
}
