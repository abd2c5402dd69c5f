import { describe, it, expect, beforeAll } from "vitest";
import { freshDatabase } from "@/tests/db";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { findCandidates, candidatesQuery, claimTerms, commonLexemes, CANDIDATES_PER_CLAIM } from "./candidates";

let db: Db;
let n = 0;

async function outlet(name: string) {
  return (await db.outlet.create({ data: { name } })).id;
}
async function article(outletId: string, texts: string[], matchedAt: Date | null) {
  const a = await db.article.create({
    data: { outletId, rawText: texts.join(" "), text: texts.join(" "), contentHash: `h${n++}`, matchedAt, matching: matchedAt ? "DONE" : "PENDING" },
  });
  let start = 0;
  await db.claim.createMany({ data: texts.map((text) => ({ articleId: a.id, text, start, end: (start += text.length + 1) - 1 })) });
  return { id: a.id, outletId, seq: a.seq, claims: await db.claim.findMany({ where: { articleId: a.id }, orderBy: { start: "asc" } }) };
}
const at = (m: number) => new Date(Date.UTC(2026, 0, 1, 0, m));

let mine: Awaited<ReturnType<typeof article>>;
let ids: Record<string, string> = {};

beforeAll(async () => {
  db = (await freshDatabase()).db;
  const [x, y, z] = [await outlet("X"), await outlet("Y"), await outlet("Z")];
  const peers = await article(y, ["The ministers were meeting in Accra on Thursday to discuss the standby force.", "Bananas are yellow and sweet."], at(1));
  const accent = await article(z, ["Colonel Goïta spoke with the Kremlin about the standby forces."], at(2));
  const sameOutlet = await article(x, ["The ministers meeting in Accra discussed the standby force on Thursday."], at(3));
  const unmatched = await article(z, ["Ministers met in Accra to discuss a standby force on Thursday."], null);
  mine = await article(x, ["A minister meets colleagues in Accra about the regional standby force.", "Goita said nothing."], at(5));
  const later = await article(y, ["Ministers meet in Accra about the standby force, Thursday."], at(9));
  ids = {
    peer: peers.claims[0].id,
    banana: peers.claims[1].id,
    accent: accent.claims[0].id,
    same: sameOutlet.claims[0].id,
    later: later.claims[0].id,
    unmatched: unmatched.claims[0].id,
  };
});

describe("candidate retrieval", () => {
  it("finds stemmed and unaccented matches in other outlets' earlier articles only, matched yet or not", async () => {
    const found = await findCandidates(db, mine);
    const first = found.filter((c) => c.claimId === mine.claims[0].id).map((c) => c.id);
    // "ministers were meeting" ~ "minister meets": english stemming, not the exact words.
    expect(first[0]).toBe(ids.peer);
    expect(first).not.toContain(ids.banana);
    expect(first).not.toContain(ids.same);
    expect(first).not.toContain(ids.later);
    // Imported before, not matched yet: this article owns the pair, whichever is matched first.
    expect(first).toContain(ids.unmatched);
    const second = found.filter((c) => c.claimId === mine.claims[1].id).map((c) => c.id);
    expect(second).toContain(ids.accent);
    expect(found.every((c) => c.rank > 0)).toBe(true);
  });

  it("a curation edit's claims (seq null) are compared with every other outlet's article, later ones too", async () => {
    const found = await findCandidates(db, { ...mine, seq: null });
    expect(found.map((c) => c.id)).toContain(ids.later);
    expect(found.map((c) => c.id)).toContain(ids.unmatched);
    expect(found.map((c) => c.id)).not.toContain(ids.same);
  });

  it("keeps the best candidates per claim, and uses the GIN indexes on a few thousand claims", async () => {
    const o = await outlet("Bulk");
    // A newsroom-sized vocabulary: a few words are common, most are rare (roughly Zipf).
    const stems = [
      "niger",
      "coup",
      "standby",
      "force",
      "accra",
      "minister",
      "meeting",
      "wagner",
      "kremlin",
      "bazoum",
      "sahel",
      "ecowas",
      "troops",
      "border",
      "election",
      "junta",
      "mali",
      "talks",
      "sanctions",
      "aid",
    ];
    const words = Array.from({ length: 2000 }, (_, i) => `${stems[i % 20]}${i < 20 ? "" : (i * 7919).toString(36)}`);
    // 60 articles of 50 claims of 10 words each, drawn with a fixed seed (same connection, one
    // transaction) so the statistics, and what they call common, are the same on every run.
    await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT setseed(0.42)`;
      await tx.$executeRaw`
      WITH a AS (
        INSERT INTO "Article" ("outletId", "rawText", text, "contentHash", matching, "matchedAt")
        SELECT ${o}::uuid, 'bulk', 'bulk', 'bulk' || g, 'DONE', '2025-06-01T00:00:00Z'::timestamptz + g * interval '1 minute' FROM generate_series(1, 60) g RETURNING id)
      INSERT INTO "Claim" ("articleId", text, start, "end")
      SELECT a.id, s.text, i * 100, i * 100 + 99
      FROM a CROSS JOIN generate_series(1, 50) i
      CROSS JOIN LATERAL (SELECT string_agg((${words}::text[])[1 + floor(2000 * power(random(), 3))::int], ' ') || ' ' || i AS text FROM generate_series(1, 10) w WHERE i > 0) s`;
    });
    // As autovacuum would: moves GIN pending entries into the index and gathers statistics.
    await db.$executeRaw`VACUUM ANALYZE "Claim"`;
    await db.$executeRaw`VACUUM ANALYZE "Article"`;
    expect(await db.claim.count()).toBeGreaterThan(3000);

    // 40 bulk claims share two rare words with one new claim: it keeps the best 30, best first.
    const rare = await article(
      o,
      Array.from({ length: 40 }, (_, i) => `Zanzibar quokka sightings number ${i} near the ${words[1500 + i]} border.`),
      at(20),
    );
    const probe = await article(
      await outlet("Probe"),
      [
        "Zanzibar officials counted quokka sightings at the border.",
        "Ministers meeting in Accra.",
        "Zanzibar walruses and penguins: ministers meeting in Accra.",
      ],
      at(30),
    );
    const found = await findCandidates(db, probe);
    const first = found.filter((c) => c.claimId === probe.claims[0].id);
    expect(first).toHaveLength(CANDIDATES_PER_CLAIM);
    expect(first.every((c) => c.articleId === rare.id)).toBe(true);
    for (let i = 1; i < first.length; i++) expect(first[i - 1].rank).toBeGreaterThanOrEqual(first[i].rank);

    // The statistics call the bulk corpus' most frequent words common (each in ~10% of claims).
    const common = await commonLexemes(db);
    expect(common.map((l) => l.lexeme)).toEqual(expect.arrayContaining(["minist", "accra"]));
    const of = (i: number) => found.filter((c) => c.claimId === probe.claims[i].id);
    // A claim made only of common words is not searched in the whole corpus, where hundreds of
    // claims share its words, but within its article's story: here the Zanzibar article, which
    // says nothing of ministers (lib/match/retrieval-story.test.ts, docs/decisions/031).
    expect(of(1)).toEqual([]);
    // A claim with enough rare words drops the common ones: its rare words pair with nothing here,
    // and "ministers meeting in Accra", shared with hundreds of bulk claims, retrieves nothing.
    expect(of(2)).toEqual([]);

    const plan = (await db.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN ${candidatesQuery(probe, claimTerms(probe.claims), common)}`))
      .map((r) => r["QUERY PLAN"])
      .join("\n");
    expect(plan).toMatch(/Bitmap Index Scan on "Claim_search_idx"/);
    expect(plan).not.toMatch(/Seq Scan on "Claim"/);
  });
});
