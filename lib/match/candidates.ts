import "server-only";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { fromPrisma, type Conn } from "../db/sql";
import { analyzePassage, type Analysis } from "./pair/analyze";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
// Prisma, or lib/db/sql where matching runs its statements (docs/decisions/049).
type Reader = Tx | Db | Conn;
const rows = <T>(db: Reader, q: Prisma.Sql, prepared = false): Promise<T[]> =>
  "$queryRaw" in db ? db.$queryRaw<T[]>(q) : db.query<T>(fromPrisma(q), { prepared });

// Enough for the scorer to find the few true matches among sentences that merely share words.
export const CANDIDATES_PER_CLAIM = 30;

// Trigram similarity is the costly part of the rank, so only a shortlist by word rank pays for it.
const SHORTLIST = 100;

// A claim of common words only is compared with the claims of this many articles of its story
// (docs/decisions/031).
export const STORY_ARTICLES = 30;

export type Candidate = { claimId: string; id: string; text: string; articleId: string; attribution: string | null; rank: number };
// seq: the article's place in import order; it is compared with the articles before it. null: with
// every other article (a curation edit's claims, new to all of them). claims: only these claims.
export type MatchedArticle = { id: string; outletId: string; seq: number | null; claims?: { id: string }[] };

// What says which fact a claim states: its names, places and numbers (keys), then its longest
// content words. Reporting verbs and stopwords would match half the corpus.
const MAX_TERMS = 8;
export type ClaimTerms = { claimId: string; keys: string; words: string };
// analysis: the claim's analysis when the caller has it (matching analyses every claim it scores);
// it must be of this text and context.
export function claimTerms(claims: { id: string; text: string; context?: string | null; analysis?: Analysis }[]): ClaimTerms[] {
  return claims.map((c) => {
    // A pronoun-led claim is looked up by the names of the sentence before it, too.
    const side = c.analysis ?? analyzePassage({ text: c.text, context: c.context });
    const keys = [...new Set([...side.names.flatMap((n) => n.split(/\s+/)), ...side.numbers.map((n) => n.text)])].slice(0, MAX_TERMS);
    // Rarest words first: frequency rank in the vector vocabulary (idf) says which words pick out the fact.
    const content = side.content
      .map((i) => side.toks[i])
      .filter((t) => !t.name && t.pos !== "NUM")
      .sort((a, b) => b.idf - a.idf || (a.word < b.word ? -1 : 1));
    const words = [...new Set(content.map((t) => t.word))];
    return { claimId: c.id, keys: keys.join(" "), words: words.slice(0, Math.max(2, MAX_TERMS - keys.length)).join(" ") };
  });
}

/**
 * The candidates of every claim of one article, in one query over GIN indexes, so the corpus is
 * never compared pair by pair. A claim's terms (claimTerms) are stemmed like the stored english
 * tsvector, less the lexemes Postgres' statistics call common in this corpus, though never below
 * MIN_TERMS: the rarest stay. With three or more terms a candidate must share two. A single shared
 * word says little, and reading the long posting lists of common words would make the cost grow
 * with the corpus (docs/decisions/010). So a pair of two common lexemes is never searched in the
 * whole corpus: each pair has an uncommon one. A claim of common words only ("the two leaders
 * discussed security cooperation") is compared with the claims of its article's story instead: the
 * STORY_ARTICLES articles its other claims found (docs/decisions/031). What one article's retrieval
 * reads is then bounded by its terms' uncommon posting lists and its story, not by the corpus.
 * pg_trgm similarity then ranks the shortlist; it is not a
 * retrieval path, because a trigram index scan reads the posting lists of every trigram of the
 * sentence, common ones included (docs/decisions/006).
 *
 * Only articles of other outlets imported before this one are searched, matched yet or not: the
 * later of two articles in import order owns their pairs, so each pair is scored once, a re-run
 * sees the same corpus, and the order in which workers take articles changes nothing
 * (docs/decisions/018).
 */
// read: the claims to match with their text and context, when the caller has them already (matching
// reads them with its article). They must be the claims this function would read: the article's
// own, limited to article.claims when that is given; they are not checked again.
export async function findCandidates(
  db: Reader,
  article: MatchedArticle,
  read?: { id: string; text: string; context: string | null; analysis?: Analysis }[],
): Promise<Candidate[]> {
  const only = article.claims ? Prisma.sql`AND id = ANY(${article.claims.map((c) => c.id)}::uuid[])` : Prisma.empty;
  const claims =
    read ??
    (await rows<{ id: string; text: string; context: string | null }>(
      db,
      Prisma.sql`SELECT id, text, context FROM "Claim" WHERE "articleId" = ${article.id}::uuid ${only}`,
    ));
  return rows<Candidate>(db, candidatesQuery(article, claimTerms(claims), await commonLexemes(db)));
}

// A lexeme is common, and dropped from queries, when it is in more than COMMON of all claims and in
// more than COMMON_FLOOR claims: on a small desk a share says nothing (one claim of sixty is
// 1.7%), while on a large one the share bounds the posting lists a query reads (docs/decisions/010).
const COMMON = 0.005;
const COMMON_FLOOR = 100;
// Pruning never leaves a claim fewer than this many terms: it keeps its rarest ones instead.
export const MIN_TERMS = 3;

export type CommonLexeme = { lexeme: string; claims: number };

// From the statistics ANALYZE keeps on the column: the tracked lexemes and how many claims hold them.
// Prepared where it can be: planning the pg_stats view cost as much as running it (decision 049).
export async function commonLexemes(db: Reader): Promise<CommonLexeme[]> {
  const stats = await rows<{ elems: string[] | null; freqs: number[] | null; rows: number }>(
    db,
    Prisma.sql`
    SELECT s.most_common_elems::text::text[] AS elems, s.most_common_elem_freqs::float8[] AS freqs, greatest(c.reltuples, 0)::float8 AS rows
    FROM pg_stats s
    JOIN pg_namespace n ON n.nspname = s.schemaname
    JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = s.tablename
    WHERE s.schemaname = current_schema() AND s.tablename = 'Claim' AND s.attname = 'search'`,
    true,
  );
  const { elems, freqs, rows: total } = stats[0] ?? { elems: null, freqs: null, rows: 0 };
  const limit = Math.max(COMMON * total, COMMON_FLOOR);
  return (elems ?? []).map((lexeme, i) => ({ lexeme, claims: (freqs?.[i] ?? 0) * total })).filter((l) => l.claims > limit);
}

// Separate so that tests can EXPLAIN exactly the query that runs.
export function candidatesQuery(article: MatchedArticle, terms: ClaimTerms[], common: CommonLexeme[] = []): Prisma.Sql {
  const before = article.seq;
  const ids = terms.map((t) => t.claimId);
  const keys = terms.map((t) => t.keys);
  const words = terms.map((t) => t.words);
  const commonLex = common.map((l) => l.lexeme);
  const commonClaims = common.map((l) => l.claims);
  const quote = Prisma.sql`chr(39) || replace(replace(x.l, chr(92), chr(92) || chr(92)), chr(39), chr(39) || chr(39)) || chr(39)`;
  // Pairs of two lexemes (a, b) of the claim, as a tsquery of ANDs; a claim of fewer than three
  // lexemes matches any one of those in single.
  const pairs = (single: Prisma.Sql, where: Prisma.Sql) => Prisma.sql`coalesce(CASE
        WHEN cardinality(ax.lex) < 3 THEN array_to_string(${single}, ' | ')
        ELSE (SELECT string_agg('(' || a || ' & ' || b || ')', ' | ') FROM unnest(ax.lex) a JOIN unnest(ax.lex) b ON a < b WHERE ${where})
      END, '')::tsquery`;
  // Each claim's tsquery is built once, in a materialized CTE: inlined, it was rebuilt from text for
  // every row the filter rechecked, which cost more than the search itself.
  return Prisma.sql`
    WITH q AS MATERIALIZED (
    SELECT q.id, q.text, t.terms, t.story, cardinality(ax.rare) > 0 AS selective
    FROM unnest(${ids}::uuid[], ${keys}::text[], ${words}::text[]) AS k(claim_id, keys, words)
    JOIN "Claim" q ON q.id = k.claim_id
    CROSS JOIN LATERAL (
      -- Common lexemes are dropped unless they are among the claim's MIN_TERMS rarest.
      SELECT coalesce(array_agg(${quote}), '{}') AS lex, coalesce(array_agg(${quote}) FILTER (WHERE x.claims IS NULL), '{}') AS rare
      FROM (
        SELECT l, cm.claims, row_number() OVER (ORDER BY coalesce(cm.claims, 0), l) AS r
        FROM unnest(tsvector_to_array(to_tsvector('english', immutable_unaccent(k.keys || ' ' || k.words)))) AS l
        LEFT JOIN unnest(${commonLex}::text[], ${commonClaims}::float8[]) AS cm(lexeme, claims) ON cm.lexeme = l
      ) x
      WHERE x.claims IS NULL OR x.r <= ${MIN_TERMS}
    ) ax
    CROSS JOIN LATERAL (
      -- Searched in the whole corpus: pairs with at least one uncommon lexeme, whose posting list is short.
      SELECT ${pairs(Prisma.sql`ax.rare`, Prisma.sql`a = ANY(ax.rare) OR b = ANY(ax.rare)`)} AS terms,
      -- Searched within the article's story only: every pair.
        ${pairs(Prisma.sql`ax.lex`, Prisma.sql`true`)} AS story
    ) t
    ),
    found AS MATERIALIZED (
    SELECT q.id AS "claimId", c.id, c.text, c."articleId", c.attribution, c.rank
    FROM (SELECT * FROM q WHERE q.selective) q
    CROSS JOIN LATERAL (
      SELECT m.id, m.text, m."articleId", m.attribution, (m.words + similarity(m.text, q.text))::float8 AS rank
      FROM (
        SELECT c.id, c.text, c."articleId", c.attribution, ts_rank(c.search, q.terms) AS words
        FROM "Claim" c
        WHERE c.search @@ q.terms
          -- Checked per candidate by primary key (a scalar subquery is never made a join): right
          -- after a batch import the statistics say no article is matched yet, and a join let the
          -- planner start from the "few" matched articles and read every one of their claims.
          AND (SELECT a."outletId" <> ${article.outletId}::uuid AND (${before}::int IS NULL OR a.seq < ${before}::int)
               FROM "Article" a WHERE a.id = c."articleId")
        ORDER BY words DESC, c.id
        LIMIT ${SHORTLIST}
      ) m
      ORDER BY rank DESC, m.id
      LIMIT ${CANDIDATES_PER_CLAIM}
    ) c
    ),
    -- The article's story: the articles its selective claims found, those found by most of its claims first.
    story AS MATERIALIZED (
    SELECT "articleId" FROM found GROUP BY "articleId"
    ORDER BY count(DISTINCT "claimId") DESC, max(rank) DESC, "articleId"
    LIMIT ${STORY_ARTICLES}
    )
    SELECT * FROM found
    UNION ALL
    SELECT q.id AS "claimId", c.id, c.text, c."articleId", c.attribution, c.rank
    FROM (SELECT * FROM q WHERE NOT q.selective) q
    CROSS JOIN LATERAL (
      SELECT c.id, c.text, c."articleId", c.attribution, (ts_rank(c.search, q.story) + similarity(c.text, q.text))::float8 AS rank
      FROM story s JOIN "Claim" c ON c."articleId" = s."articleId"
      WHERE c.search @@ q.story
      ORDER BY rank DESC, c.id
      LIMIT ${CANDIDATES_PER_CLAIM}
    ) c
    ORDER BY "claimId", rank DESC, id`;
}
