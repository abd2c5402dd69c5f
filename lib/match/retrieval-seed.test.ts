import { describe, it, expect, beforeAll } from "vitest";
import { freshDatabase } from "@/tests/db";
import { importSeedArticles } from "@/lib/cli/seed-articles";
import { importArticle } from "@/lib/articles/mutations";
import type { Db } from "@/lib/db/client";
import { findCandidates } from "./candidates";
import { matchArticle } from "./match-article";

// A new user's desk: the five seed articles, matched, and statistics gathered as autovacuum would
// within a minute. Then a short report of the 15 August call from an outlet the desk has not seen.
let db: Db;
let fresh: { id: string; outletId: string; seq: number | null };
let callClaim: string;

const REPORT = [
  "Russian President Vladimir Putin held a telephone conversation with Mali’s interim leader Assimi Goita on Tuesday, August 15, the Kremlin said.",
  "During the call, the Russian president urged a peaceful settlement of the crisis in Niger.",
].join("\n\n");

// The passages of the three outlets that reported the 15 August call.
const CALL = [
  ["Tech Times", "had a telephone conversation on Tuesday, Aug. 15"],
  ["Africanews", "in a telephone call with Mali’s President, Assimi Goita"],
  ["MyJoyOnline", "on Tuesday had a telephone conversation over events unfolding in Niger"],
] as const;

async function claimIn(outlet: string, phrase: string): Promise<string> {
  const rows = await db.claim.findMany({ where: { text: { contains: phrase }, article: { outlet: { name: outlet } } }, select: { id: true } });
  expect(rows, `${outlet}: "${phrase}"`).toHaveLength(1);
  return rows[0].id;
}

beforeAll(async () => {
  db = (await freshDatabase()).db;
  await importSeedArticles(db, null);
  await db.$executeRaw`ANALYZE "Claim"`;
  await db.$executeRaw`ANALYZE "Article"`;
  const { articleId } = await importArticle(db, null, { outlet: "Sahel Wire", publishedAt: "2023-08-16", text: REPORT });
  fresh = await db.article.findUniqueOrThrow({ where: { id: articleId }, select: { id: true, outletId: true, seq: true } });
  callClaim = await claimIn("Sahel Wire", "held a telephone conversation");
});

describe("a new article on a seeded, analysed desk", () => {
  it("the desk is past the size where the old pruning emptied every query", async () => {
    // Statistics exist, and they call lexemes of the call's passages common in this small corpus.
    const [{ n }] = await db.$queryRaw<{ n: number }[]>`
      SELECT cardinality(most_common_elems::text::text[])::int AS n FROM pg_stats
      WHERE schemaname = current_schema() AND tablename = 'Claim' AND attname = 'search'`;
    expect(n).toBeGreaterThan(0);
    expect(await db.claim.count()).toBeGreaterThan(50);
  });

  it("gets the other outlets' passages about the call as candidates", async () => {
    const found = (await findCandidates(db, fresh)).filter((c) => c.claimId === callClaim).map((c) => c.id);
    for (const [outlet, phrase] of CALL) expect(found, outlet).toContain(await claimIn(outlet, phrase));
  });

  it("every claim of the article gets a query: none is pruned to nothing", async () => {
    const found = await findCandidates(db, fresh);
    const claims = await db.claim.findMany({ where: { articleId: fresh.id }, select: { id: true } });
    for (const c of claims)
      expect(
        found.some((f) => f.claimId === c.id),
        c.id,
      ).toBe(true);
  });

  it("matching suggests a link to another outlet's report of the call", async () => {
    await matchArticle(db, fresh.id);
    const links = await db.claimLink.findMany({ where: { fromClaimId: callClaim, state: "SUGGESTED" }, select: { toClaimId: true, relation: true } });
    const call = await Promise.all(CALL.map(([o, p]) => claimIn(o, p)));
    expect(links.filter((l) => call.includes(l.toClaimId) && l.relation === "SUPPORTS").length).toBeGreaterThan(0);
  });
});
