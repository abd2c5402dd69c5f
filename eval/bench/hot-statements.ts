// The request path's hot statements, built by the same functions the app runs, so the benchmark
// can EXPLAIN them and a test can check that their plans use indexes (docs/decisions/020, 021).
import type { Prisma } from "../../lib/db/generated/client";
import { claimReadSql } from "../../lib/claims/data";
import { tokenOwnerSql } from "../../lib/auth/tokens";
import { queuePageSql, statusCountsSql } from "../../lib/queue/data";
import { parseQueueFilters } from "../../lib/queue/schema";
import { articleBatchSql } from "../../lib/exports/data";
import { Sql, toPrisma } from "../../lib/db/sql";

export type HotContext = { claimId: string; actorId: string; outletId: string; cursor: string };

// Statements of the thin client (docs/decisions/028) are handed over in Prisma's form, for EXPLAIN.
export function hotStatements(k: HotContext): [string, Prisma.Sql][] {
  const f = (raw: Record<string, string>) => parseQueueFilters(raw).filters;
  return (
    [
      ["claim with links (API and claim page)", claimReadSql(k.claimId, true)],
      ["API token and owner", tokenOwnerSql("0".repeat(64))],
      ["queue, first page", queuePageSql(f({}), k.actorId)],
      ["queue, next page by cursor", queuePageSql(f({ after: k.cursor, page: "2" }), k.actorId)],
      ["queue, one outlet", queuePageSql(f({ outlet: k.outletId }), k.actorId)],
      ["queue, contradiction suggested", queuePageSql(f({ contradiction: "on" }), k.actorId)],
      ["queue status counts", statusCountsSql(f({}), k.actorId)],
      ["queue status counts, one outlet", statusCountsSql(f({ outlet: k.outletId }), k.actorId)],
      ["queue status counts, contradiction suggested", statusCountsSql(f({ contradiction: "on" }), k.actorId)],
      ["CSV export, next batch of articles", articleBatchSql(1000, { d: new Date("2024-01-02"), id: k.claimId })],
    ] as [string, Sql | Prisma.Sql][]
  ).map(([name, q]) => [name, q instanceof Sql ? toPrisma(q) : q]);
}
