// The background corpus of `npm run bench:match`, bulk-loaded as a desk that has already matched
// it: articles, their claims (already extracted: the generator's sentences) and suggested links
// between claims of one event, as matching would have left them. Rows go in as arrays through
// INSERT … SELECT FROM unnest, thousands per statement, with the desk's non-unique indexes dropped
// and rebuilt once at the end, as eval/bench/desk.ts does: 100,000 articles load in minutes where
// importing them one by one would take hours. `--load rows` keeps the earlier row-by-row load.
import crypto from "node:crypto";
import type { Db } from "../../lib/db/client";
import { article } from "./corpus";

const CHUNK = 2000;
// Each claim is linked with the same sentence of the next, previous and fifth-along article of
// its event (three suggestions a claim, both directions), as in eval/bench/desk.ts.
const PEERS = [1, 9, 5];
const hash = (t: string) => crypto.createHash("sha256").update(t).digest("hex");

export async function bulkLoadSql(db: Db, from: number, to: number, outletIds: Map<string, string>, outlets: number) {
  await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SET LOCAL maintenance_work_mem = '256MB'`;
      await tx.$executeRaw`CREATE TEMP TABLE bench_index ON COMMIT DROP AS
      SELECT indexname, indexdef FROM pg_indexes
      WHERE schemaname = current_schema() AND tablename IN ('Claim', 'ClaimLink', 'Article') AND indexdef NOT LIKE 'CREATE UNIQUE%'`;
      await tx.$executeRaw`DO $$ DECLARE r record; BEGIN
      FOR r IN SELECT indexname FROM bench_index LOOP EXECUTE format('DROP INDEX %I', r.indexname); END LOOP; END $$`;
      const base = Date.UTC(2023, 0, 1);
      for (let lo = from; lo < to; lo += CHUNK) {
        const batch = Array.from({ length: Math.min(CHUNK, to - lo) }, (_, k) => {
          const i = lo + k;
          const a = article(i, { outlets });
          return { i, a, id: crypto.randomUUID(), claimIds: a.claims.map(() => crypto.randomUUID()) };
        });
        const byIndex = new Map(batch.map((b) => [b.i, b]));
        await tx.$executeRaw`
        INSERT INTO "Article" (id, "outletId", "rawText", text, "contentHash", "publishedAt", "wireCredit", matching, "matchedAt")
        SELECT id, "outletId", text, text, hash, "publishedAt", "wireCredit", 'DONE', "matchedAt"
        FROM unnest(${batch.map((b) => b.id)}::uuid[], ${batch.map((b) => outletIds.get(b.a.outlet)!)}::uuid[], ${batch.map((b) => b.a.text)}::text[],
          ${batch.map((b) => hash(b.a.text))}::text[], ${batch.map((b) => b.a.publishedAt)}::timestamptz[], ${batch.map((b) => b.a.wireCredit)}::text[],
          ${batch.map((b) => new Date(base + b.i * 1000))}::timestamptz[])
          AS r(id, "outletId", text, hash, "publishedAt", "wireCredit", "matchedAt")
        ORDER BY "matchedAt"`;
        const claims = batch.flatMap((b) => b.a.claims.map((c, k) => ({ id: b.claimIds[k], articleId: b.id, ...c })));
        // Links: sentence k of two articles of one event from different outlets (the last sentence,
        // the report's own filing line, is nobody else's). A planted toll contradicts.
        const links: { from: string; to: string; relation: string }[] = [];
        for (const b of batch) {
          const first = b.i - (b.i % 10);
          for (const d of PEERS) {
            const o = byIndex.get(first + ((b.i - first + d) % 10));
            if (!o || o.a.event !== b.a.event || o.a.outlet === b.a.outlet) continue;
            for (let k = 0; k < b.a.claims.length - 1; k++) {
              const contra = k === 2 && (b.a.planted === "contradiction") !== (o.a.planted === "contradiction");
              links.push(
                { from: b.claimIds[k], to: o.claimIds[k], relation: contra ? "CONTRADICTS" : "SUPPORTS" },
                { from: o.claimIds[k], to: b.claimIds[k], relation: contra ? "CONTRADICTS" : "SUPPORTS" },
              );
            }
          }
        }
        const linked = new Set(links.map((l) => l.from));
        await tx.$executeRaw`
        INSERT INTO "Claim" (id, "articleId", text, start, "end", checkworthiness, "suggestedVerdict")
        SELECT id, "articleId", text, start, "end", 0.5, (CASE WHEN linked THEN 'CORROBORATED' ELSE 'SINGLE_SOURCED' END)::"SuggestedVerdict"
        FROM unnest(${claims.map((c) => c.id)}::uuid[], ${claims.map((c) => c.articleId)}::uuid[], ${claims.map((c) => c.text)}::text[],
          ${claims.map((c) => c.start)}::int[], ${claims.map((c) => c.end)}::int[], ${claims.map((c) => linked.has(c.id))}::boolean[])
          AS r(id, "articleId", text, start, "end", linked)`;
        await tx.$executeRaw`
        INSERT INTO "ClaimLink" ("fromClaimId", "toClaimId", relation, score, reasons, independent)
        SELECT f, t, r::"LinkRelation", 0.8, ARRAY['shared names', 'same numbers'], true
        FROM unnest(${links.map((l) => l.from)}::uuid[], ${links.map((l) => l.to)}::uuid[], ${links.map((l) => l.relation)}::text[]) AS x(f, t, r)
        ON CONFLICT ("fromClaimId", "toClaimId") DO NOTHING`;
      }
      await tx.$executeRaw`DO $$ DECLARE r record; BEGIN
      FOR r IN SELECT indexdef FROM bench_index LOOP EXECUTE r.indexdef; END LOOP; END $$`;
      await tx.$executeRaw`ALTER INDEX "Claim_search_idx" SET (fastupdate = off)`;
    },
    { timeout: 3 * 3600_000, maxWait: 60_000 },
  );
}

// The earlier load: Prisma createMany, 500 articles at a time, every index kept up row by row, no links.
export async function bulkLoadRows(db: Db, from: number, to: number, outletIds: Map<string, string>, outlets: number) {
  const base = Date.UTC(2023, 0, 1);
  for (let lo = from; lo < to; lo += 500) {
    const batch = Array.from({ length: Math.min(500, to - lo) }, (_, k) => ({ i: lo + k, id: crypto.randomUUID(), a: article(lo + k, { outlets }) }));
    await db.article.createMany({
      data: batch.map(({ i, id, a }) => ({
        id,
        outletId: outletIds.get(a.outlet)!,
        rawText: a.text,
        text: a.text,
        contentHash: hash(a.text),
        publishedAt: a.publishedAt,
        wireCredit: a.wireCredit,
        matching: "DONE" as const,
        matchedAt: new Date(base + i * 1000),
      })),
    });
    await db.claim.createMany({
      data: batch.flatMap(({ id, a }) => a.claims.map((c) => ({ articleId: id, text: c.text, start: c.start, end: c.end, checkworthiness: 0.5 }))),
    });
  }
}
