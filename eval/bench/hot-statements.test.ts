import { describe, it, expect, beforeAll } from "vitest";
import { freshDatabase } from "@/tests/db";
import { userWithToken } from "@/tests/factories";
import type { Db } from "@/lib/db/client";
import { claimWithLinks } from "@/lib/claims/data";
import { COUNT_EXAMINE, queueStatusCounts } from "@/lib/queue/data";
import { parseQueueFilters } from "@/lib/queue/schema";
import { deskSize, loadDesk, OUTLETS } from "./desk";
import { hotStatements } from "./hot-statements";
import { hotContext } from "./queue-figures";

// The request path's hot statements on a generated desk big enough for the planner to prefer
// indexes where they matter (docs/decisions/020, 021): the plans must reach the claim and its
// links by index, start the queue at its index, and stop counting at the cap.
type Plan = { "Node Type": string; "Relation Name"?: string; "Index Cond"?: string; Plans?: Plan[] };
type Visit = { node: Plan; above: Plan[] };
const CLAIMS = 20_000;
let db: Db;
let ctx: Awaited<ReturnType<typeof hotContext>>;
let plans: Map<string, Visit[]>;

function walk(node: Plan, above: Plan[] = [], out: Visit[] = []): Visit[] {
  out.push({ node, above });
  for (const child of node.Plans ?? []) walk(child, [...above, node], out);
  return out;
}
const seqScans = (visits: Visit[], ...tables: string[]) =>
  visits.filter((v) => v.node["Node Type"] === "Seq Scan" && tables.includes(v.node["Relation Name"] ?? "")).map((v) => v.node["Relation Name"]);

beforeAll(async () => {
  db = (await freshDatabase()).db;
  const admin = await userWithToken(db, "ADMIN");
  const reviewers = await Promise.all([1, 2].map(() => userWithToken(db, "REVIEWER")));
  await loadDesk(db, CLAIMS, { adminId: admin.user.id, reviewerIds: reviewers.map((r) => r.user.id) });
  const [claim] = await db.$queryRaw<{ id: string }[]>`SELECT "fromClaimId" AS id FROM "ClaimLink" WHERE state = 'CONFIRMED' LIMIT 1`;
  ctx = await hotContext(db, claim.id, reviewers[0].user.id);
  plans = new Map();
  for (const [name, sql] of hotStatements(ctx)) {
    const [row] = await db.$queryRaw<{ "QUERY PLAN": [{ Plan: Plan }] }[]>`EXPLAIN (FORMAT JSON) ${sql}`;
    plans.set(name, walk(row["QUERY PLAN"][0].Plan));
  }
}, 300_000);

describe("the generated desk", () => {
  it("has the size asked for, its links in both directions, and offsets that cut the claims out of their articles", async () => {
    expect(await deskSize(db)).toBe(CLAIMS);
    expect(await db.claim.count()).toBe(CLAIMS);
    expect(await db.outlet.count({ where: { name: { startsWith: "Bench Outlet" } } })).toBe(OUTLETS);
    const [{ oneway }] = await db.$queryRaw<{ oneway: number }[]>`
      SELECT count(*)::int AS oneway FROM "ClaimLink" l WHERE NOT EXISTS (SELECT 1 FROM "ClaimLink" r WHERE r."fromClaimId" = l."toClaimId" AND r."toClaimId" = l."fromClaimId")`;
    expect(oneway).toBe(0);
    const [{ wrong }] = await db.$queryRaw<{ wrong: number }[]>`
      SELECT count(*)::int AS wrong FROM "Claim" c JOIN "Article" a ON a.id = c."articleId" WHERE substr(a.text, c.start + 1, c."end" - c.start) <> c.text`;
    expect(wrong).toBe(0);
    const found = await claimWithLinks(db, ctx.claimId);
    expect(found?.links.length).toBeGreaterThan(0);
    expect(found?.suggestions.length).toBeGreaterThan(0);
  });
});

describe("plans of the hot statements", () => {
  it("reads a claim and its links by index alone", () => {
    expect(seqScans(plans.get("claim with links (API and claim page)")!, "Claim", "ClaimLink", "Article")).toEqual([]);
  });

  it("starts the queue at its check-worthiness index instead of sorting the desk", () => {
    for (const name of ["queue, first page", "queue, next page by cursor"]) {
      const visits = plans.get(name)!;
      expect(seqScans(visits, "Claim"), name).toEqual([]);
      expect(visits.filter((v) => v.node["Node Type"] === "Sort").length, name).toBe(0);
    }
    const cursor = plans
      .get("queue, next page by cursor")!
      .find((v) => v.node["Relation Name"] === "Claim" && /checkworthiness/.test(v.node["Index Cond"] ?? ""));
    expect(cursor, "the cursor bounds the index scan").toBeDefined();
  });

  it("never scans the claims for one outlet's queue", () => {
    expect(seqScans(plans.get("queue, one outlet")!, "Claim")).toEqual([]);
  });

  it("counts claims per status under a limit, from the index alone when no other filter applies", () => {
    const onlyIndex = plans
      .get("queue status counts")!
      .filter((v) => v.node["Relation Name"] === "Claim")
      .map((v) => v.node["Node Type"]);
    expect(onlyIndex.length).toBeGreaterThan(0);
    expect(
      onlyIndex.every((t) => t === "Index Only Scan"),
      onlyIndex.join(),
    ).toBe(true);
  });

  it("counts claims per status under a limit: no count reads past the cap", () => {
    for (const name of ["queue status counts", "queue status counts, one outlet"]) {
      const claimScans = plans.get(name)!.filter((v) => v.node["Relation Name"] === "Claim");
      expect(claimScans.length, name).toBeGreaterThan(0);
      for (const v of claimScans)
        expect(
          v.above.some((p) => p["Node Type"] === "Limit"),
          name,
        ).toBe(true);
    }
  });

  it("counts one outlet's claims and those with a contradiction suggested from indexes alone (docs/decisions/029)", () => {
    for (const name of ["queue status counts, one outlet", "queue status counts, contradiction suggested"]) {
      const scans = plans
        .get(name)!
        .filter((v) => ["Claim", "ClaimLink"].includes(v.node["Relation Name"] ?? ""))
        .map((v) => `${v.node["Relation Name"]}: ${v.node["Node Type"]}`);
      expect(scans.length, name).toBeGreaterThan(0);
      expect(
        scans.every((t) => t.endsWith("Index Only Scan")),
        `${name}: ${scans.join(", ")}`,
      ).toBe(true);
    }
  });

  it("under a filter checked claim by claim, examines a bounded number of claims and says when a count is a lower bound", async () => {
    const counts = (await queueStatusCounts(parseQueueFilters({ contradiction: "on" }).filters, ctx.actorId, 60_000))!;
    expect(counts.UNREVIEWED.capped).toBe(true);
    expect(counts.UNREVIEWED.n).toBeGreaterThan(0);
    expect(counts.UNREVIEWED.n).toBeLessThanOrEqual(COUNT_EXAMINE);
  });

  it("shows counts past the cap as a lower bound", async () => {
    const counts = (await queueStatusCounts(parseQueueFilters({}).filters, ctx.actorId, 60_000))!;
    expect(counts.UNREVIEWED).toEqual({ n: 10_000, capped: true });
    expect(counts.CONTRADICTED.capped).toBe(false);
    expect(counts.CONTRADICTED.n).toBeGreaterThan(0);
  });

  it("gives up counting past its time budget, and says so with null rather than failing the page", async () => {
    // A search matching most claims, counted with a budget of one millisecond: no plan counts
    // thousands of rows that fast, so the statement is cancelled.
    expect(await queueStatusCounts(parseQueueFilters({ q: "were", status: "all" }).filters, ctx.actorId, 1)).toBeNull();
    expect(await queueStatusCounts(parseQueueFilters({ q: "were", status: "all" }).filters, ctx.actorId, 60_000)).not.toBeNull();
  });
});
