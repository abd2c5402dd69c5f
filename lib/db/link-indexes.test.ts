import { describe, it, expect, beforeAll } from "vitest";
import { freshDatabase } from "@/tests/db";
import type { Db } from "@/lib/db/client";

// Migration 20261204100000: the indexes on who created and who confirmed a link hold only the rows
// that have one, and the lookups by a user (the foreign keys' ON DELETE SET NULL) still use them.
let db: Db;
beforeAll(async () => {
  ({ db } = await freshDatabase());
});

type Plan = { Plan: PlanNode };
type PlanNode = { "Node Type": string; "Index Name"?: string; Plans?: PlanNode[] };
const nodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodes)];

describe("the link indexes by user", () => {
  it("are partial: suggestions, which have no user, are not in them", async () => {
    const rows = await db.$queryRaw<{ indexname: string; indexdef: string }[]>`
      SELECT indexname, indexdef FROM pg_indexes
      WHERE tablename = 'ClaimLink' AND indexname IN ('ClaimLink_createdById_idx', 'ClaimLink_confirmedById_idx') ORDER BY indexname`;
    expect(rows.map((r) => r.indexname)).toEqual(["ClaimLink_confirmedById_idx", "ClaimLink_createdById_idx"]);
    expect(rows[0].indexdef).toContain(`WHERE ("confirmedById" IS NOT NULL)`);
    expect(rows[1].indexdef).toContain(`WHERE ("createdById" IS NOT NULL)`);
  });

  it("serve the lookups the foreign keys make when a user is deleted, in their generic form", async () => {
    // The statements Postgres' referential actions prepare, planned once for any user ($1).
    const plans = await db.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      await tx.$executeRaw`SET LOCAL plan_cache_mode = force_generic_plan`;
      await tx.$executeRaw`PREPARE by_creator(uuid) AS UPDATE ONLY "ClaimLink" SET "createdById" = NULL WHERE $1 OPERATOR(pg_catalog.=) "createdById"`;
      await tx.$executeRaw`PREPARE by_confirmer(uuid) AS UPDATE ONLY "ClaimLink" SET "confirmedById" = NULL WHERE $1 OPERATOR(pg_catalog.=) "confirmedById"`;
      const a = await tx.$queryRaw<{ "QUERY PLAN": Plan[] }[]>`EXPLAIN (FORMAT JSON) EXECUTE by_creator('00000000-0000-4000-8000-000000000001')`;
      const b = await tx.$queryRaw<{ "QUERY PLAN": Plan[] }[]>`EXPLAIN (FORMAT JSON) EXECUTE by_confirmer('00000000-0000-4000-8000-000000000001')`;
      await tx.$executeRaw`DEALLOCATE by_creator`;
      await tx.$executeRaw`DEALLOCATE by_confirmer`;
      return [a[0]["QUERY PLAN"][0].Plan, b[0]["QUERY PLAN"][0].Plan];
    });
    expect(nodes(plans[0]).map((n) => n["Index Name"])).toContain("ClaimLink_createdById_idx");
    expect(nodes(plans[1]).map((n) => n["Index Name"])).toContain("ClaimLink_confirmedById_idx");
  });
});
