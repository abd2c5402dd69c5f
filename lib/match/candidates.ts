import "server-only";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { analyzePassage } from "./pair/analyze";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

// Enough for the scorer to find the few true matches among sentences that merely share words.
export const CANDIDATES_PER_CLAIM = 30;

// Trigram similarity is the costly part of the rank, so only a shortlist by word rank pays for it.
const SHORTLIST = 100;

export type Candidate = { claimId: string; id: string; text: string; articleId: string; attribution: string | null; rank: number };
export type MatchedArticle = { id: string; outletId: string; matchedAt: Date | null };

// What says which fact a claim states: its names, places and numbers (keys), then its longest
// content words. Reporting verbs and stopwords would match half the corpus.
const MAX_TERMS = 8;
export type ClaimTerms = { claimId: string; keys: string; words: string };
export function claimTerms(claims: { id: string; text: string }[]): ClaimTerms[] {
  return claims.map((c) => {
    const side = analyzePassage({ text: c.text });
    const keys = [...new Set([...side.names.flatMap((n) => n.split(/\s+/)), ...side.numbers.map((n) => n.text)])].slice(0, MAX_TERMS);
    // Rarest words first: frequency rank in the vector vocabulary (idf) says which words pick out the fact.
    const content = side.content.map((i) => side.toks[i]).filter((t) => !t.name && t.pos !== "NUM").sort((a, b) => b.idf - a.idf || (a.word < b.word ? -1 : 1));
    const words = [...new Set(content.map((t) => t.word))];
    return { claimId: c.id, keys: keys.join(" "), words: words.slice(0, Math.max(2, MAX_TERMS - keys.length)).join(" ") };
  });
}

/**
 * The candidates of every claim of one article, in one query over GIN indexes, so the corpus is
 * never compared pair by pair. A claim's terms (claimTerms) are stemmed like the stored english
 * tsvector, less the lexemes Postgres' statistics call common in this corpus; with three or more
 * terms a candidate must share two. A single shared word says little, and reading the long
 * posting lists of common words would make the cost grow with the corpus. pg_trgm similarity then
 * ranks the shortlist; it is not a retrieval path, because a trigram index scan reads the posting
 * lists of every trigram of the sentence, common ones included (docs/decisions/006).
 *
 * Only articles of other outlets that were matched before this one are searched: the later of
 * two articles owns their pairs, so each pair is scored once and a re-run sees the same corpus.
 */
export async function findCandidates(db: Tx | Db, article: MatchedArticle): Promise<Candidate[]> {
  const claims = await db.claim.findMany({ where: { articleId: article.id }, select: { id: true, text: true } });
  return db.$queryRaw<Candidate[]>(candidatesQuery(article, claimTerms(claims), await commonLexemes(db)));
}

// Lexemes in more than COMMON of all claims, from the statistics ANALYZE keeps on the column.
const COMMON = 0.005;
export async function commonLexemes(db: Tx | Db): Promise<string[]> {
  const rows = await db.$queryRaw<{ elems: string[] | null; freqs: number[] | null }[]>`
    SELECT most_common_elems::text::text[] AS elems, most_common_elem_freqs::float8[] AS freqs
    FROM pg_stats WHERE schemaname = current_schema() AND tablename = 'Claim' AND attname = 'search'`;
  const { elems, freqs } = rows[0] ?? { elems: null, freqs: null };
  return (elems ?? []).filter((_, i) => (freqs?.[i] ?? 0) > COMMON);
}

// Separate so that tests can EXPLAIN exactly the query that runs.
export function candidatesQuery(article: MatchedArticle, terms: ClaimTerms[], common: string[] = []): Prisma.Sql {
  const before = article.matchedAt;
  const ids = terms.map((t) => t.claimId);
  const keys = terms.map((t) => t.keys);
  const words = terms.map((t) => t.words);
  return Prisma.sql`
    SELECT q.id AS "claimId", c.id, c.text, c."articleId", c.attribution, c.rank
    FROM unnest(${ids}::uuid[], ${keys}::text[], ${words}::text[]) AS k(claim_id, keys, words)
    JOIN "Claim" q ON q.id = k.claim_id
    CROSS JOIN LATERAL (
      SELECT coalesce(array_agg(DISTINCT chr(39) || replace(replace(l, chr(92), chr(92) || chr(92)), chr(39), chr(39) || chr(39)) || chr(39)), '{}') AS lex
      FROM unnest(tsvector_to_array(to_tsvector('english', immutable_unaccent(k.keys || ' ' || k.words)))) AS l
      WHERE l <> ALL(${common}::text[])
    ) ax
    CROSS JOIN LATERAL (
      SELECT coalesce(CASE
        WHEN cardinality(ax.lex) < 3 THEN array_to_string(ax.lex, ' | ')
        ELSE (SELECT string_agg('(' || a || ' & ' || b || ')', ' | ') FROM unnest(ax.lex) a JOIN unnest(ax.lex) b ON a < b)
      END, '')::tsquery AS terms
    ) t
    CROSS JOIN LATERAL (
      SELECT m.id, m.text, m."articleId", m.attribution, (m.words + similarity(m.text, q.text))::float8 AS rank
      FROM (
        SELECT c.id, c.text, c."articleId", c.attribution, ts_rank(c.search, t.terms) AS words
        FROM "Claim" c
        JOIN "Article" a ON a.id = c."articleId"
        WHERE c.search @@ t.terms
          AND a."outletId" <> ${article.outletId}::uuid
          AND a."matchedAt" IS NOT NULL
          AND (${before}::timestamptz IS NULL OR a."matchedAt" < ${before}::timestamptz)
        ORDER BY words DESC, c.id
        LIMIT ${SHORTLIST}
      ) m
      ORDER BY rank DESC, m.id
      LIMIT ${CANDIDATES_PER_CLAIM}
    ) c
    ORDER BY q.id, c.rank DESC, c.id`;
}
