import "server-only";
import { Prisma } from "../db/generated/client";
import type { Db } from "../db/client";
import { findCandidates } from "./candidates";
import { isIndependent } from "./independence";
import { analyzePassage, type Analysis } from "./pair/analyze";
import { loadPairModel, scoreAnalyses } from "./pair/model";
import { suggestVerdict } from "./verdict";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

// A claim shows its best suggestions only; weaker ones are not worth a reviewer's time.
export const MAX_SUGGESTIONS = 10;

type LinkRow = { fromClaimId: string; toClaimId: string; relation: "SUPPORTS" | "CONTRADICTS"; score: number; reasons: string[]; independent: boolean };

// One article is matched at a time across the desk: an article must see every article matched
// before it, and a pair must not be scored by two jobs at once.
const MATCH_LOCK = 7270736901;

const sourceSelect = {
  id: true, outletId: true, publishedAt: true, wireCredit: true, text: true, matchedAt: true, outlet: { select: { originGroup: true } },
} as const;
type Source = { id: string; outletId: string; publishedAt: Date | null; wireCredit: string | null; text: string; outlet: { originGroup: string | null } };
type ClaimRow = { id: string; text: string; attribution: string | null; context?: string | null };


/**
 * Suggests links between the article's claims and claims of other outlets, stores them in both
 * directions, refreshes the suggested verdict of every claim touched and marks the article done.
 * Running it again on the same article changes nothing. With claimIds, only those claims are matched
 * (their stale suggestions removed, their new ones stored); the article's other links stay as they are.
 */
export async function matchArticle(db: Db, articleId: string, claimIds?: string[]): Promise<{ claims: number; links: number }> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${MATCH_LOCK}::bigint)`;
      const whole = await tx.article.findUniqueOrThrow({
        where: { id: articleId },
        select: { ...sourceSelect, claims: { select: { id: true, text: true, attribution: true, context: true }, orderBy: { start: "asc" } } },
      });
      // A curation edit re-matches its claims alone; an article never matched is matched whole.
      // Those claims are new or changed, so no article has scored them yet: they are compared with
      // every matched article, later ones included (matchedAt: null reads as "before all of them"),
      // and every suggestion they had is theirs to replace.
      const article = claimIds && whole.matchedAt ? { ...whole, matchedAt: null, claims: whole.claims.filter((c) => claimIds.includes(c.id)) } : whole;
      const rows = await scoreArticle(tx, article);
      const touched = await storeLinks(tx, article, rows);
      await refreshVerdicts(tx, [...touched]);
      await tx.$executeRaw`
        UPDATE "Article" SET matching = 'DONE', "matchingError" = NULL,
          -- The first matching time orders articles (see candidates.ts), so a re-run keeps it; it is
          -- strictly after every earlier one so that order never ties.
          "matchedAt" = coalesce("matchedAt", greatest(clock_timestamp(), (SELECT max("matchedAt") + interval '1 millisecond' FROM "Article")))
        WHERE id = ${article.id}::uuid`;
      const [{ links }] = await tx.$queryRaw<{ links: number }[]>`
        SELECT count(*)::int AS links FROM "ClaimLink" l JOIN "Claim" c ON c.id = l."fromClaimId"
        WHERE c."articleId" = ${article.id}::uuid AND l.state = 'SUGGESTED'`;
      return { claims: article.claims.length, links };
    },
    { timeout: 120_000, maxWait: 120_000 },
  );
}

// Analyses of recently seen claims: the claims of one story meet again as candidates of each new
// article, and analysing a sentence costs far more than scoring a pair. Keyed by everything the
// analysis reads, so an edited claim or a changed publication date is analysed afresh.
const ANALYSES_KEPT = 4000;
const analyses = new Map<string, Analysis>();
function analysisOf(c: ClaimRow, publishedAt: Date | null): Analysis {
  const key = `${c.id}\u0001${publishedAt?.getTime() ?? ""}\u0001${c.attribution ?? ""}\u0001${c.context ?? ""}\u0001${c.text}`;
  let an = analyses.get(key);
  if (an) analyses.delete(key);
  else an = analyzePassage({ text: c.text, publishedAt, attribution: c.attribution, context: c.context });
  analyses.set(key, an);
  if (analyses.size > ANALYSES_KEPT) analyses.delete(analyses.keys().next().value!);
  return an;
}

async function scoreArticle(tx: Tx, article: Source & { matchedAt: Date | null; claims: ClaimRow[] }): Promise<LinkRow[]> {
  const candidates = await findCandidates(tx, article);
  if (!candidates.length) return [];
  const otherIds = [...new Set(candidates.map((c) => c.articleId))];
  const others = new Map((await tx.article.findMany({ where: { id: { in: otherIds } }, select: sourceSelect })).map((a) => [a.id, a]));

  // Analysis and independence are per sentence and per article pair: compute each once.
  const side = (c: ClaimRow, a: Source) => analysisOf(c, a.publishedAt);
  const model = loadPairModel();
  const independence = new Map<string, boolean>();
  const independent = (b: Source) => {
    let v = independence.get(b.id);
    if (v === undefined) {
      const src = (x: Source) => ({ outletId: x.outletId, originGroup: x.outlet.originGroup, wireCredit: x.wireCredit, articleText: x.text });
      independence.set(b.id, (v = isIndependent(src(article), src(b))));
    }
    return v;
  };

  const claims = new Map(article.claims.map((c) => [c.id, c]));
  const rows: LinkRow[] = [];
  for (const cand of candidates) {
    const claim = claims.get(cand.claimId)!;
    const other = others.get(cand.articleId)!;
    const s = scoreAnalyses(side(claim, article), side(cand, other), model);
    if (s.relation === "none") continue;
    const link = { relation: s.relation === "supports" ? "SUPPORTS" : "CONTRADICTS", score: s.score, reasons: s.reasons, independent: independent(other) } as const;
    rows.push({ fromClaimId: claim.id, toClaimId: cand.id, ...link }, { fromClaimId: cand.id, toClaimId: claim.id, ...link });
  }
  return rows;
}

/**
 * Stores the article's pairs in both directions. Rows a reviewer has confirmed, rejected or created
 * are never overwritten; unchanged rows are left alone (same updatedAt and version), and pairs this
 * article owns that no longer score are removed. Returns every claim whose links may have changed.
 */
async function storeLinks(tx: Tx, article: { id: string; matchedAt: Date | null; claims: ClaimRow[] }, rows: LinkRow[]): Promise<Set<string>> {
  const touched = new Set(article.claims.map((c) => c.id));
  for (const r of rows) touched.add(r.fromClaimId).add(r.toClaimId);
  const fresh = JSON.stringify(rows);
  const stale = await tx.$queryRaw<{ fromClaimId: string; toClaimId: string }[]>(staleLinksDelete(article, rows));
  for (const r of stale) touched.add(r.fromClaimId).add(r.toClaimId);
  if (rows.length) {
    await tx.$executeRaw`
      INSERT INTO "ClaimLink" ("fromClaimId", "toClaimId", relation, score, reasons, independent)
      SELECT r."fromClaimId", r."toClaimId", r.relation, r.score, r.reasons, r.independent
      FROM jsonb_to_recordset(${fresh}::jsonb)
        AS r("fromClaimId" uuid, "toClaimId" uuid, relation "LinkRelation", score float8, reasons text[], independent boolean)
      ON CONFLICT ("fromClaimId", "toClaimId") DO UPDATE SET
        relation = EXCLUDED.relation, score = EXCLUDED.score, reasons = EXCLUDED.reasons, independent = EXCLUDED.independent,
        version = "ClaimLink".version + 1, "updatedAt" = now()
      WHERE "ClaimLink".state = 'SUGGESTED' AND "ClaimLink".origin = 'SUGGESTED'
        AND ("ClaimLink".relation, "ClaimLink".score, "ClaimLink".reasons, "ClaimLink".independent)
          IS DISTINCT FROM (EXCLUDED.relation, EXCLUDED.score, EXCLUDED.reasons, EXCLUDED.independent)`;
  }
  // Inserting then keeping the best ten leaves each claim with the best ten of every pair ever
  // offered to it, whatever order the articles came in.
  const ids = [...touched];
  await tx.$executeRaw`
    DELETE FROM "ClaimLink" l USING (
      SELECT id, origin, row_number() OVER (PARTITION BY "fromClaimId" ORDER BY score DESC, "toClaimId") AS n
      FROM "ClaimLink" WHERE "fromClaimId" = ANY(${ids}::uuid[]) AND state = 'SUGGESTED'
    ) r
    WHERE l.id = r.id AND r.n > ${MAX_SUGGESTIONS} AND r.origin = 'SUGGESTED'
      -- Rechecked on the row itself: a reviewer may confirm it while this statement waits for its lock.
      AND l.state = 'SUGGESTED' AND l.origin = 'SUGGESTED'`;
  return touched;
}

/**
 * Removes the suggestions of pairs this article owns (the other claim's article was matched
 * earlier) that the fresh rows no longer make; reviewer rows are never touched. One DELETE per
 * direction, each driven by the article's own claim ids through the index on that column, so it
 * reads rows in proportion to the article's links, never the whole link table. Exported so that
 * a test can EXPLAIN exactly the statement that runs.
 */
export function staleLinksDelete(article: { matchedAt: Date | null; claims: { id: string }[] }, fresh: Pick<LinkRow, "fromClaimId" | "toClaimId">[]): Prisma.Sql {
  const ids = article.claims.map((c) => c.id);
  const before = article.matchedAt;
  const from = fresh.map((r) => r.fromClaimId);
  const to = fresh.map((r) => r.toClaimId);
  // The other article is looked up per link by primary key (a scalar subquery is never turned
  // into a join), so a small desk's planner cannot choose to hash every claim instead.
  const owned = (mine: Prisma.Sql, other: Prisma.Sql) => Prisma.sql`
    DELETE FROM "ClaimLink" l
    WHERE ${mine} = ANY(${ids}::uuid[])
      AND l.state = 'SUGGESTED' AND l.origin = 'SUGGESTED'
      AND (SELECT oa."matchedAt" FROM "Claim" o JOIN "Article" oa ON oa.id = o."articleId" WHERE o.id = ${other})
        < coalesce(${before}::timestamptz, 'infinity')
      AND NOT EXISTS (
        SELECT 1 FROM unnest(${from}::uuid[], ${to}::uuid[]) AS r("fromClaimId", "toClaimId")
        WHERE r."fromClaimId" = l."fromClaimId" AND r."toClaimId" = l."toClaimId")
    RETURNING l."fromClaimId", l."toClaimId"`;
  // The two never delete one row: the other article was matched before this one, so it is not this one.
  return Prisma.sql`
    WITH outgoing AS (${owned(Prisma.sql`l."fromClaimId"`, Prisma.sql`l."toClaimId"`)}),
      incoming AS (${owned(Prisma.sql`l."toClaimId"`, Prisma.sql`l."fromClaimId"`)})
    SELECT * FROM outgoing UNION ALL SELECT * FROM incoming`;
}

// The stored verdict follows every link a reviewer has not rejected, confirmed or still suggested.
async function refreshVerdicts(tx: Tx, claimIds: string[]) {
  if (!claimIds.length) return;
  const links = await tx.claimLink.findMany({
    where: { fromClaimId: { in: claimIds }, state: { not: "REJECTED" } },
    select: { fromClaimId: true, relation: true, independent: true },
  });
  const byClaim = new Map<string, { relation: "supports" | "contradicts"; independent: boolean }[]>(claimIds.map((id) => [id, []]));
  for (const l of links) byClaim.get(l.fromClaimId)!.push({ relation: l.relation === "SUPPORTS" ? "supports" : "contradicts", independent: l.independent });
  const ids = [...byClaim.keys()];
  const verdicts = ids.map((id) => suggestVerdict(byClaim.get(id)!).toUpperCase());
  await tx.$executeRaw`
    UPDATE "Claim" c SET "suggestedVerdict" = u.verdict::"SuggestedVerdict"
    FROM unnest(${ids}::uuid[], ${verdicts}::text[]) AS u(id, verdict)
    WHERE c.id = u.id AND c."suggestedVerdict" <> u.verdict::"SuggestedVerdict"`;
}
