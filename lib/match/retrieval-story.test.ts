import { describe, it, expect, beforeAll } from "vitest";
import { freshDatabase } from "@/tests/db";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { candidatesQuery, claimTerms, commonLexemes, findCandidates, STORY_ARTICLES } from "./candidates";

// 400 articles of another outlet, each with a claim made of the same common words as the probe's
// second claim ("the two leaders discussed security cooperation"), and one story article that
// shares the probe's names. Retrieval of a claim of common words only must read its story, not the
// 400 claims that share every pair of its words (docs/decisions/031).
const BULK = 400;
let db: Db;
type Loaded = { id: string; outletId: string; seq: number | null; claims: { id: string; text: string }[] };
let probe: Loaded;
let story: Loaded;

type PlanNode = { "Node Type": string; "Relation Name"?: string; "Actual Rows"?: number; "Actual Loops"?: number; Plans?: PlanNode[] };
const nodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodes)];

async function article(outlet: string, texts: string[]): Promise<Loaded> {
  const o = await db.outlet.upsert({ where: { name: outlet }, create: { name: outlet }, update: {} });
  const a = await db.article.create({ data: { outletId: o.id, rawText: texts.join(" "), text: texts.join(" "), contentHash: `${outlet}:${texts[0]}` } });
  let start = 0;
  await db.claim.createMany({ data: texts.map((text) => ({ articleId: a.id, text, start, end: (start += text.length + 1) - 1 })) });
  return {
    id: a.id,
    outletId: o.id,
    seq: a.seq,
    claims: await db.claim.findMany({ where: { articleId: a.id }, orderBy: { start: "asc" }, select: { id: true, text: true } }),
  };
}

beforeAll(async () => {
  db = (await freshDatabase()).db;
  const bulk = await db.outlet.create({ data: { name: "Bulk" } });
  await db.$executeRaw`
    WITH a AS (
      INSERT INTO "Article" ("outletId", "rawText", text, "contentHash", matching, "matchedAt")
      SELECT ${bulk.id}::uuid, 'bulk', 'bulk', 'bulk' || g, 'DONE', now() FROM generate_series(1, ${BULK}::int) g RETURNING id, "contentHash")
    INSERT INTO "Claim" ("articleId", text, start, "end")
    SELECT a.id, format('The two leaders discussed security cooperation at summit %s, the foreign ministry said.', substr(a."contentHash", 5)), 0, 80 FROM a`;
  story = await article("Story", [
    "Olena Newada met Elena Tuwatu in Kaloville on Monday, officials said.",
    "The two leaders discussed security cooperation, the foreign ministry said.",
  ]);
  probe = await article("Probe", [
    "Olena Newada held talks with Elena Tuwatu in Kaloville on Monday.",
    "The foreign ministry said the two leaders discussed security cooperation.",
  ]);
  await db.$executeRaw`VACUUM ANALYZE "Claim"`;
  await db.$executeRaw`VACUUM ANALYZE "Article"`;
});

describe("retrieval of a claim of common words only", () => {
  it("finds its peer in the article's story, not among the corpus' claims that share its words", async () => {
    const common = (await commonLexemes(db)).map((l) => l.lexeme);
    expect(common).toEqual(expect.arrayContaining(["leader", "discuss", "secur", "cooper"]));
    const found = await findCandidates(db, probe);
    expect(found.filter((c) => c.claimId === probe.claims[0].id).map((c) => c.id)).toEqual([story.claims[0].id]);
    // Its story is the Story article (found by the names); one of the 400 bulk claims would rank
    // as well, were they searched.
    expect(found.filter((c) => c.claimId === probe.claims[1].id).map((c) => c.id)).toEqual([story.claims[1].id]);
  });

  it("reads rows in proportion to its story, whatever the number of claims sharing its words", async () => {
    const query = candidatesQuery(probe, claimTerms(probe.claims), await commonLexemes(db));
    const [{ "QUERY PLAN": plan }] = await db.$queryRaw<{ "QUERY PLAN": { Plan: PlanNode }[] }[]>(Prisma.sql`EXPLAIN (ANALYZE, FORMAT JSON) ${query}`);
    const read = nodes(plan[0].Plan)
      .filter((n) => n["Relation Name"] === "Claim" && /Scan/.test(n["Node Type"]))
      .reduce((s, n) => s + (n["Actual Rows"] ?? 0) * (n["Actual Loops"] ?? 1), 0);
    // Each probe claim's own row, the names' few matches, and the story's claims: far below the
    // 400 claims that every pair of the second claim's words would read in the whole corpus.
    expect(read).toBeGreaterThan(0);
    expect(read).toBeLessThanOrEqual(2 + 2 + STORY_ARTICLES * 2);
  });
});
