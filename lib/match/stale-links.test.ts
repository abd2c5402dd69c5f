import { describe, it, expect, beforeAll } from "vitest";
import { freshDatabase } from "@/tests/db";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { staleLinksDelete } from "./match-article";

// A desk of 1,000 articles (10 outlets, 4 claims each) where every claim is linked, both ways, to
// the claim at the same position in the two articles before and the two after it: 15,976 links.
const ARTICLES = 1000;
const CLAIMS = 4;
let db: Db;
let mine: { id: string; seq: number | null; claims: { id: string }[] };

type PlanNode = {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  "Rows Removed by Filter"?: number;
  "Rows Removed by Join Filter"?: number;
  "Join Filter"?: string;
  Plans?: PlanNode[];
};
const nodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodes)];

class Rollback extends Error {}
// Runs the statement for real inside a transaction that is then rolled back.
async function rolledBack<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
  let out: T | undefined;
  await db
    .$transaction(async (tx) => {
      out = await fn(tx as unknown as Db);
      throw new Rollback();
    })
    .catch((e) => {
      if (!(e instanceof Rollback)) throw e;
    });
  return out!;
}

beforeAll(async () => {
  db = (await freshDatabase()).db;
  await db.$executeRaw`INSERT INTO "Outlet" (name) SELECT 'Outlet ' || g FROM generate_series(0, 9) g`;
  await db.$executeRaw`
    INSERT INTO "Article" ("outletId", "rawText", text, "contentHash", matching, "matchedAt")
    SELECT (SELECT id FROM "Outlet" WHERE name = 'Outlet ' || (g % 10)), 'a', 'a', 'h' || g, 'DONE', '2026-01-01T00:00:00Z'::timestamptz + g * interval '1 minute'
    FROM generate_series(0, ${ARTICLES - 1}) g`;
  await db.$executeRaw`
    INSERT INTO "Claim" ("articleId", text, start, "end")
    SELECT a.id, 'claim ' || j, j * 10, j * 10 + 9 FROM "Article" a CROSS JOIN generate_series(0, ${CLAIMS - 1}) j`;
  // Every tenth link was confirmed by a reviewer and every tenth was created by one.
  await db.$executeRaw`
    WITH c AS (SELECT c.id, c.start, a."matchedAt", row_number() OVER (PARTITION BY c.start ORDER BY a."matchedAt") AS k FROM "Claim" c JOIN "Article" a ON a.id = c."articleId"),
    pairs AS (SELECT x.id AS a, y.id AS b FROM c x JOIN c y ON y.start = x.start AND y.k IN (x.k + 1, x.k + 2))
    INSERT INTO "ClaimLink" ("fromClaimId", "toClaimId", relation, origin, state, score)
    SELECT f, t, 'SUPPORTS', CASE WHEN n % 10 = 3 THEN 'REVIEWER' ELSE 'SUGGESTED' END::"LinkOrigin",
      CASE WHEN n % 10 = 7 THEN 'CONFIRMED' ELSE 'SUGGESTED' END::"LinkState", 0.5
    FROM (SELECT f, t, row_number() OVER (ORDER BY f, t) AS n FROM (SELECT a AS f, b AS t FROM pairs UNION ALL SELECT b, a FROM pairs) d) e`;
  await db.$executeRaw`VACUUM ANALYZE "ClaimLink"`;
  await db.$executeRaw`VACUUM ANALYZE "Claim"`;
  await db.$executeRaw`VACUUM ANALYZE "Article"`;
  const a = await db.article.findFirstOrThrow({ where: { contentHash: "h500" }, select: { id: true, seq: true, claims: { select: { id: true } } } });
  mine = a;
  // Which links the tenths above land on depends on random ids; make sure two of the pairs this
  // article owns are reviewers' (one created, one confirmed), so the test always has rows to keep.
  const [made, confirmed] = (await owned()).sort((x, y) => (x.fromClaimId + x.toClaimId).localeCompare(y.fromClaimId + y.toClaimId));
  await db.claimLink.update({ where: { fromClaimId_toClaimId: { fromClaimId: made.fromClaimId, toClaimId: made.toClaimId } }, data: { origin: "REVIEWER" } });
  await db.claimLink.update({
    where: { fromClaimId_toClaimId: { fromClaimId: confirmed.fromClaimId, toClaimId: confirmed.toClaimId } },
    data: { state: "CONFIRMED" },
  });
});

// The links of article 500 to the two articles imported before it: the pairs it owns.
async function owned() {
  const ids = mine.claims.map((c) => c.id);
  return db.claimLink.findMany({
    where: {
      OR: [
        { fromClaimId: { in: ids }, toClaim: { article: { seq: { lt: mine.seq! } } } },
        { toClaimId: { in: ids }, fromClaim: { article: { seq: { lt: mine.seq! } } } },
      ],
    },
    select: { fromClaimId: true, toClaimId: true, origin: true, state: true },
  });
}

describe("stale-link cleanup", () => {
  it("deletes only the suggested pairs this article owns that the fresh rows no longer make", async () => {
    expect(await db.claimLink.count()).toBe(2 * CLAIMS * (ARTICLES - 1 + (ARTICLES - 2)));
    const own = await owned();
    expect(own).toHaveLength(4 * CLAIMS);
    const suggested = own.filter((l) => l.origin === "SUGGESTED" && l.state === "SUGGESTED");
    expect(suggested.length).toBeLessThan(own.length); // reviewer rows are among them
    const fresh = suggested.slice(0, 5);
    const deleted = await rolledBack((tx) => tx.$queryRaw<{ fromClaimId: string; toClaimId: string }[]>(staleLinksDelete(mine, fresh)));
    const key = (l: { fromClaimId: string; toClaimId: string }) => `${l.fromClaimId}>${l.toClaimId}`;
    expect(deleted.map(key).sort()).toEqual(suggested.slice(5).map(key).sort());
    // A curation edit's claims own their pairs with every other article, later ones too.
    const all = await rolledBack((tx) => tx.$queryRaw<unknown[]>(staleLinksDelete({ ...mine, seq: null }, [])));
    expect(all.length).toBeGreaterThan(deleted.length + fresh.length);
  });

  it("reads ClaimLink through its indexes, rows in proportion to the article's links", async () => {
    const articleLinks = 8 * CLAIMS;
    const plan = await rolledBack(async (tx) => {
      const rows = await tx.$queryRaw<{ "QUERY PLAN": { Plan: PlanNode }[] }[]>(
        Prisma.sql`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${staleLinksDelete(mine, [])}`,
      );
      return rows[0]["QUERY PLAN"][0].Plan;
    });
    const all = nodes(plan);
    const onLinks = all.filter((n) => n["Relation Name"] === "ClaimLink" && n["Node Type"] !== "ModifyTable");
    expect(onLinks.length).toBeGreaterThan(0);
    for (const n of onLinks) expect(n["Node Type"], JSON.stringify(n)).toMatch(/Index Scan|Index Only Scan|Bitmap Heap Scan/);
    expect(all.filter((n) => n["Node Type"] === "Seq Scan").map((n) => n["Relation Name"])).toEqual([]);
    expect(all.filter((n) => n["Join Filter"] && (n["Rows Removed by Join Filter"] ?? 0) > articleLinks)).toEqual([]);
    // Every row any scan produced or filtered, over all loops: a small multiple of the article's own
    // links, never the 15,976 links, 4,000 claims or 1,000 articles of the desk.
    const examined = all
      .filter((n) => /Scan/.test(n["Node Type"]))
      .reduce((s, n) => s + ((n["Actual Rows"] ?? 0) + (n["Rows Removed by Filter"] ?? 0)) * (n["Actual Loops"] ?? 1), 0);
    expect(examined).toBeGreaterThan(0);
    expect(examined).toBeLessThan(6 * articleLinks);
  });
});
