import { createHash } from "node:crypto";
import { describe, it, expect, beforeAll, vi } from "vitest";
import { freshDatabase } from "@/tests/db";
import { importSeedArticles } from "@/lib/cli/seed-articles";
import type { Db } from "@/lib/db/client";
import { analyzePassage, packTagged, tagPassage, taggedFromJson, taggedToJson } from "./pair/analyze";
import { ANALYSIS_FORMAT, analysesOf } from "./analysis-store";
import { matchArticle } from "./match-article";

let db: Db;
type Row = { id: string; text: string; attribution: string | null; context: string | null; articleId: string; article: { publishedAt: Date | null } };
let claims: Row[];

beforeAll(async () => {
  db = (await freshDatabase()).db;
  await importSeedArticles(db, null);
  claims = await db.claim.findMany({
    select: { id: true, text: true, attribution: true, context: true, articleId: true, article: { select: { publishedAt: true } } },
    orderBy: [{ articleId: "asc" }, { start: "asc" }],
  });
});

const passage = (c: Row) => ({ text: c.text, publishedAt: c.article.publishedAt, attribution: c.attribution, context: c.context });
const roundTrip = (c: Row) => packTagged(taggedFromJson(JSON.parse(JSON.stringify(taggedToJson(tagPassage(passage(c)))))), c.article.publishedAt);

describe("stored analyses", () => {
  it("rebuild exactly the analysis of the sentence, through JSON", () => {
    expect(claims.length).toBeGreaterThan(50);
    for (const c of claims) expect(roundTrip(c), c.text).toEqual(analyzePassage(passage(c)));
  });

  it("name their format: tagging that changes without a new ANALYSIS_FORMAT fails here", () => {
    // A change to what tagPassage returns for the seed claims (another tagger, a new field, other
    // dates) makes the stored rows of the old format wrong. Bump ANALYSIS_FORMAT, then update this.
    const hash = createHash("sha1");
    // In text order: the claims' ids and articles' ids differ from one fresh database to the next.
    for (const t of claims.map((c) => JSON.stringify(taggedToJson(tagPassage(passage(c))))).sort()) hash.update(t);
    expect({ format: ANALYSIS_FORMAT, tagging: hash.digest("hex") }).toEqual({ format: 1, tagging: "ee91aa748d386d42998272bdd1684f8326c2dd4a" });
  });

  it("are stored by matching, read back by another process instead of tagging again, and replaced when the claim changes", async () => {
    const articleId = claims[0].articleId;
    await matchArticle(db, articleId);
    const own = claims.filter((c) => c.articleId === articleId);
    const rows = await db.claimAnalysis.findMany({ where: { claimId: { in: own.map((c) => c.id) } } });
    expect(rows).toHaveLength(own.length);
    // Candidates from other articles were stored too.
    expect(await db.claimAnalysis.count({ where: { claim: { articleId: { not: articleId } } } })).toBeGreaterThan(0);

    // A stored row with a valid key is what another process reads: plant a marker in one and load
    // the store in a fresh module (an empty in-process cache).
    const c = own[0];
    const row = rows.find((r) => r.claimId === c.id)!;
    const planted = { ...(row.data as object), people: ["planted marker"] };
    await db.claimAnalysis.update({ where: { claimId: c.id }, data: { data: planted } });
    vi.resetModules();
    const fresh = await import("./analysis-store");
    const read = await fresh.analysesOf(db, [{ claim: c, publishedAt: c.article.publishedAt }]);
    expect(read.get(c.id)!.names).toEqual(["planted marker"]);

    // An edited claim has another key: analysed afresh, and its row replaced.
    const edited = { ...c, text: `${c.text} Officials in Lagos disputed it.` };
    const again = await fresh.analysesOf(db, [{ claim: edited, publishedAt: c.article.publishedAt }]);
    expect(again.get(c.id)!.names).toContain("lagos");
    const replaced = await db.claimAnalysis.findUniqueOrThrow({ where: { claimId: c.id } });
    expect(replaced.key).not.toBe(row.key);
    expect(replaced.data).toEqual(JSON.parse(JSON.stringify(taggedToJson(tagPassage(passage(edited))))));
    // The original module's analyses are unaffected by the planted row it never read.
    expect((await analysesOf(db, [{ claim: c, publishedAt: c.article.publishedAt }])).get(c.id)!.names).not.toContain("planted marker");
  });
});
