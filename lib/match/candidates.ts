import "server-only";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

// Enough for the scorer to find the few true matches among sentences that merely share words.
export const CANDIDATES_PER_CLAIM = 30;

// Trigram similarity is the costly part of the rank, so only a shortlist by word rank pays for it.
const SHORTLIST = 100;

export type Candidate = { claimId: string; id: string; text: string; articleId: string; attribution: string | null; rank: number };
export type MatchedArticle = { id: string; outletId: string; matchedAt: Date | null };

/**
 * The candidates of every claim of one article, in one query. Each claim's words become an OR
 * query over the stored english tsvector (stemmed, stopwords gone), and near copies are caught
 * by pg_trgm; both run on GIN indexes, so the corpus is never compared pair by pair.
 *
 * Only articles of other outlets that were matched before this one are searched: the later of
 * two articles owns their pairs, so each pair is scored once and a re-run sees the same corpus.
 */
export function findCandidates(db: Tx | Db, article: MatchedArticle): Promise<Candidate[]> {
  return db.$queryRaw<Candidate[]>(candidatesQuery(article));
}

// Separate so that tests can EXPLAIN exactly the query that runs.
export function candidatesQuery(article: MatchedArticle): Prisma.Sql {
  const before = article.matchedAt;
  return Prisma.sql`
    SELECT q.id AS "claimId", c.id, c.text, c."articleId", c.attribution, c.rank
    FROM "Claim" q
    CROSS JOIN LATERAL (
      SELECT coalesce(string_agg(
        '''' || replace(replace(l, chr(92), chr(92) || chr(92)), chr(39), chr(39) || chr(39)) || '''', ' | '
      ), '')::tsquery AS terms
      FROM unnest(tsvector_to_array(q.search)) AS l
    ) t
    CROSS JOIN LATERAL (
      SELECT m.id, m.text, m."articleId", m.attribution, (m.words + similarity(m.text, q.text))::float8 AS rank
      FROM (
        SELECT c.id, c.text, c."articleId", c.attribution, ts_rank(c.search, t.terms) AS words
        FROM "Claim" c
        JOIN "Article" a ON a.id = c."articleId"
        WHERE (c.search @@ t.terms OR c.text % q.text)
          AND a."outletId" <> ${article.outletId}::uuid
          AND a."matchedAt" IS NOT NULL
          AND (${before}::timestamptz IS NULL OR a."matchedAt" < ${before}::timestamptz)
        ORDER BY words DESC, c.id
        LIMIT ${SHORTLIST}
      ) m
      ORDER BY rank DESC, m.id
      LIMIT ${CANDIDATES_PER_CLAIM}
    ) c
    WHERE q."articleId" = ${article.id}::uuid
    ORDER BY q.id, c.rank DESC, c.id`;
}
