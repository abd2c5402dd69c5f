import "server-only";
import { Prisma } from "../db/generated/client";
import { urlOf, type Db } from "../db/client";
import { fromPrisma, on, sql, transaction, type Conn } from "../db/sql";
import { findCandidates } from "./candidates";
import { isIndependent } from "./independence";
import { analyzePassage, articleEventDates, type Analysis, type EventDate } from "./pair/analyze";
import { createHash } from "node:crypto";
import { loadPairModel, scoreAnalyses } from "./pair/model";
import { suggestVerdict, verdictLink, type VerdictLink } from "./verdict";

// A claim shows its best suggestions only; weaker ones are not worth a reviewer's time.
export const MAX_SUGGESTIONS = 10;

type LinkRow = {
  fromClaimId: string;
  toClaimId: string;
  relation: "SUPPORTS" | "CONTRADICTS";
  score: number;
  reasons: string[];
  independent: boolean;
  background: boolean;
};

type Source = {
  id: string;
  outletId: string;
  publishedAt: Date | null;
  wireCredit: string | null;
  text: string;
  eventDates?: Prisma.JsonValue | null;
  outlet: { originGroup: string | null };
};
type ClaimRow = { id: string; text: string; attribution: string | null; context?: string | null };
type Target = Source & { seq: number | null; claims: ClaimRow[] };
type ArticleRow = Omit<Source, "outlet"> & { seq: number | null; matchedAt: Date | null; originGroup: string | null };

// Matching runs its statements through lib/db/sql, not Prisma (docs/decisions/049). Only the links
// INSERT is prepared: its plan has no choice to make. Postgres may give a prepared statement one
// generic plan and keep it while the table grows; on real text the trim below, so planned, took
// 158 ms a match against about 1 ms planned for its values.
const once = { prepared: true };
// The articles matching reads: the one it matches and those of its candidates.
const articlesById = (db: Conn, ids: string[]) =>
  db.query<ArticleRow>(
    sql`SELECT a.id, a."outletId", a."publishedAt", a."wireCredit", a.text, a.seq, a."matchedAt", a."eventDates", o."originGroup"
    FROM "Article" a JOIN "Outlet" o ON o.id = a."outletId" WHERE a.id = ANY(${ids}::uuid[])`,
  );
const asSource = ({ originGroup, ...a }: ArticleRow) => ({ ...a, outlet: { originGroup } });

// What scoring read of a claim (a candidate's context is not read): if it changed before the links
// are stored, score again. A context changes only with its claim's or article's text.
const readKey = (c: { text: string; attribution: string | null }) => `${c.text}\u0001${c.attribution ?? ""}`;

// A later write made what was scored stale, or Postgres broke a lock cycle: score again.
class Rescore extends Error {}
const ATTEMPTS = 5;
const retryable = (e: unknown) => e instanceof Rescore || /deadlock detected|40P01|could not serialize/i.test(String((e as Error)?.message ?? e));

/**
 * Suggests links between the article's claims and claims of other outlets, stores them in both
 * directions, refreshes the suggested verdict of every claim touched and marks the article done.
 * Running it again on the same article changes nothing. With claimIds, only those claims are matched
 * (their stale suggestions removed, their new ones stored); the article's other links stay as they are.
 *
 * Articles of different stories match at the same time (docs/decisions/018): candidates are read and
 * scored without locks; then one short transaction locks the rows of every claim whose links it
 * will write, trim or judge (sorted, in one statement), checks that nothing it scored has changed
 * since, and stores. Two articles that share no claim never wait for each other.
 */
export async function matchArticle(db: Db, articleId: string, claimIds?: string[]): Promise<{ claims: number; links: number }> {
  const url = urlOf(db);
  for (let attempt = 1; ; attempt++) {
    try {
      const plan = await scoreTarget(on(url), articleId, claimIds);
      return await transaction(url, (tx) => store(tx, plan), { timeoutMs: 120_000 });
    } catch (e) {
      if (attempt >= ATTEMPTS || !retryable(e)) throw e;
    }
  }
}

type Plan = { article: Target; whole: boolean; rows: LinkRow[]; seen: Map<string, string> };

async function scoreTarget(db: Conn, articleId: string, claimIds?: string[]): Promise<Plan> {
  const [[row], claims] = await Promise.all([
    articlesById(db, [articleId]),
    db.query<ClaimRow>(sql`SELECT id, text, attribution, context FROM "Claim" WHERE "articleId" = ${articleId}::uuid ORDER BY start, id`),
  ]);
  if (!row) throw new Error(`No article ${articleId}.`);
  const whole: Target & { matchedAt: Date | null } = { ...asSource(row), claims };
  // A curation edit re-matches its claims alone; an article never matched is matched whole.
  // Those claims are new or changed, so no article has scored them yet: they are compared with
  // every other article, later ones included (seq: null), and every suggestion they had is theirs to replace.
  const curation = !!(claimIds && whole.matchedAt);
  const article: Target = curation ? { ...whole, seq: null, claims: whole.claims.filter((c) => claimIds!.includes(c.id)) } : whole;
  const { rows, candidates } = await scoreArticle(db, article);
  const seen = new Map<string, string>();
  for (const c of [...article.claims, ...candidates]) seen.set(c.id, readKey(c));
  // The claims at the other end of the pairs this article owns: a change to one makes its stale-link cleanup stale too.
  for (const c of await ownedEnds(db, article)) if (!seen.has(c.id)) seen.set(c.id, readKey(c));
  return { article, whole: !curation, rows, seen };
}

// The other claims of this article's suggested pairs that it owns (their article is earlier).
async function ownedEnds(db: Conn, article: Target): Promise<ClaimRow[]> {
  const ids = article.claims.map((c) => c.id);
  return db.query<ClaimRow>(
    sql`
    SELECT o.id, o.text, o.attribution, o.context FROM "Claim" o JOIN "Article" oa ON oa.id = o."articleId"
    WHERE o.id IN (
      SELECT "toClaimId" FROM "ClaimLink" WHERE "fromClaimId" = ANY(${ids}::uuid[]) AND state = 'SUGGESTED' AND origin = 'SUGGESTED'
      UNION SELECT "fromClaimId" FROM "ClaimLink" WHERE "toClaimId" = ANY(${ids}::uuid[]) AND state = 'SUGGESTED' AND origin = 'SUGGESTED')
      AND (${article.seq}::int IS NULL OR oa.seq < ${article.seq}::int)`,
  );
}

async function store(tx: Conn, { article, whole, rows, seen }: Plan): Promise<{ claims: number; links: number }> {
  const own = article.claims.map((c) => c.id);
  const ends = (await ownedEnds(tx, article)).map((c) => c.id);
  const lock = [...new Set([...own, ...rows.map((r) => r.toClaimId), ...ends])].sort();
  // Every writer of a claim's suggestions holds its row: a concurrent match's trim and verdict see
  // these links once this commits. FOR NO KEY UPDATE leaves link inserts (key share) unblocked.
  const locked = await tx.query<ClaimRow>(
    sql`SELECT id, text, attribution, context FROM "Claim" WHERE id = ANY(${lock}::uuid[]) ORDER BY id FOR NO KEY UPDATE`,
  );
  if (locked.length !== lock.length || locked.some((c) => seen.get(c.id) !== readKey(c))) throw new Rescore();
  // A claim added to or removed from the article, or a new pair it owns, since it was scored.
  if (whole) {
    const [{ n }] = await tx.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM "Claim" WHERE "articleId" = ${article.id}::uuid`);
    if (n !== own.length) throw new Rescore();
  }
  if ((await ownedEnds(tx, article)).some((c) => !seen.has(c.id))) throw new Rescore();
  const touched = await storeLinks(tx, article, rows);
  await refreshVerdicts(tx, [...touched]);
  // matchedAt says when the article was first matched; import order (seq), not this time, orders matching.
  await tx.query(
    sql`
    UPDATE "Article" SET matching = 'DONE', "matchingError" = NULL, "matchedAt" = coalesce("matchedAt", clock_timestamp())
    WHERE id = ${article.id}::uuid`,
  );
  const [{ links }] = await tx.query<{ links: number }>(
    sql`
    SELECT count(*)::int AS links FROM "ClaimLink" l JOIN "Claim" c ON c.id = l."fromClaimId"
    WHERE c."articleId" = ${article.id}::uuid AND l.state = 'SUGGESTED'`,
  );
  return { claims: article.claims.length, links };
}

// Analyses of recently seen claims: the claims of one story meet again as candidates of each new
// article, and analysing a sentence costs far more than scoring a pair. Keyed by everything the
// analysis reads, so an edited claim or a changed publication date is analysed afresh.
const ANALYSES_KEPT = 4000;
const analyses = new Map<string, Analysis>();
function analysisOf(c: ClaimRow, a: Source, when: ArticleDates): Analysis {
  const key = `${c.id}\u0001${a.publishedAt?.getTime() ?? ""}\u0001${when.key}\u0001${c.attribution ?? ""}\u0001${c.context ?? ""}\u0001${c.text}`;
  let an = analyses.get(key);
  if (an) analyses.delete(key);
  else an = analyzePassage({ text: c.text, publishedAt: a.publishedAt, attribution: c.attribution, context: c.context, articleDates: when.dates });
  analyses.set(key, an);
  if (analyses.size > ANALYSES_KEPT) analyses.delete(analyses.keys().next().value!);
  return an;
}

// The dates each article's text names (what an undated claim of it is about), once per article
// text and publication date: an article meets many new articles as a candidate. Read once for all
// workers (decision 045): stored on the article with the key of what they were read from, and
// reused while that key holds; a process also keeps the latest ones it used.
const ARTICLES_KEPT = 500;
type ArticleDates = { key: string; dates: EventDate[] };
export type StoredDates = { source: string; dates: EventDate[] };
const articleDates = new Map<string, ArticleDates>();
// What stored dates were read from: the publication day, the text (SHA-256: the key is kept, and an
// outlet controls its text), and how dates are read, as the reader's output on a fixed text, so
// a change to articleEventDates or to chrono that reads that text differently reads every article again.
const READER_SAMPLE =
  "The minister resigned on Tuesday, 12 March 2024, after talks last month. He said on Friday the plant, opened in 1998, had closed two years ago, and that the board meets on 3 April.";
let reader: string | null = null;
const readerKey = () =>
  (reader ??= createHash("sha256")
    .update(JSON.stringify(articleEventDates(READER_SAMPLE, new Date(Date.UTC(2024, 2, 15)))))
    .digest("base64url")
    .slice(0, 16));
export const sourceKey = (a: Pick<Source, "publishedAt" | "text">) =>
  `${a.publishedAt?.getTime() ?? ""}:${createHash("sha256").update(a.text).digest("base64url")}:${readerKey()}`;
function storedDates(a: Source, source: string): EventDate[] | null {
  const v = a.eventDates as StoredDates | null | undefined;
  return v && typeof v === "object" && v.source === source && Array.isArray(v.dates) ? v.dates : null;
}
/** The article's dates, from this process's cache, the stored ones if their key holds, or read afresh; `read` gains what should be stored. */
export function datesOf(a: Source, read: Map<string, StoredDates>): ArticleDates {
  const source = sourceKey(a);
  const key = `${a.id}\u0001${source}`;
  let hit = articleDates.get(key);
  if (hit) articleDates.delete(key);
  else {
    const dates = storedDates(a, source) ?? articleEventDates(a.text, a.publishedAt);
    hit = { key: dates.map((d) => `${d.y}-${d.m}-${d.d}`).join(","), dates };
  }
  if (!storedDates(a, source)) read.set(a.id, { source, dates: hit.dates });
  articleDates.set(key, hit);
  if (articleDates.size > ARTICLES_KEPT) articleDates.delete(articleDates.keys().next().value!);
  return hit;
}

// Stores the dates this run read for articles that had none stored (or stale ones). A cache, so a
// row another transaction holds is skipped rather than waited for, rows are taken in id order, a
// row that already holds these dates is not written, and a failure does not fail the match.
async function storeDates(db: Conn, read: Map<string, StoredDates>) {
  if (!read.size) return;
  const ids = [...read.keys()];
  const values = ids.map((id) => JSON.stringify(read.get(id)));
  try {
    await db.query(
      sql`
      WITH v AS (SELECT * FROM unnest(${ids}::uuid[], ${values}::text[]) AS v(id, d)),
      t AS (SELECT a.id FROM "Article" a WHERE a.id = ANY(${ids}::uuid[]) ORDER BY a.id FOR NO KEY UPDATE OF a SKIP LOCKED)
      UPDATE "Article" a SET "eventDates" = v.d::jsonb FROM v, t
      WHERE a.id = t.id AND v.id = t.id AND a."eventDates" IS DISTINCT FROM v.d::jsonb`,
    );
  } catch (e) {
    console.error(`[match] could not store the dates of ${ids.length} articles: ${(e as Error).message}`);
  }
}

async function scoreArticle(db: Conn, article: Target): Promise<{ rows: LinkRow[]; candidates: ClaimRow[] }> {
  // Analysis and independence are per sentence and per article pair: compute each once.
  // Each article's dates once per run: hashing its text per pair would cost more than the pairs.
  const read = new Map<string, StoredDates>();
  const dates = new Map([[article.id, datesOf(article, read)]]);
  const side = (c: ClaimRow, a: Source) => analysisOf(c, a, dates.get(a.id)!);
  // Retrieval reads the names, numbers and rare words of the analyses that scoring uses.
  const candidates = await findCandidates(
    db,
    article,
    article.claims.map((c) => ({ id: c.id, text: c.text, context: c.context ?? null, analysis: side(c, article) })),
  );
  if (!candidates.length) {
    await storeDates(db, read);
    return { rows: [], candidates };
  }
  const otherIds = [...new Set(candidates.map((c) => c.articleId))];
  const others = new Map((await articlesById(db, otherIds)).map((a) => [a.id, asSource(a)]));
  for (const a of others.values()) dates.set(a.id, datesOf(a, read));
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
    const link = {
      relation: s.relation === "supports" ? "SUPPORTS" : "CONTRADICTS",
      score: s.score,
      reasons: s.reasons,
      independent: independent(other),
      background: !!s.background,
    } as const;
    rows.push({ fromClaimId: claim.id, toClaimId: cand.id, ...link }, { fromClaimId: cand.id, toClaimId: claim.id, ...link });
  }
  await storeDates(db, read);
  return { rows, candidates };
}

/**
 * Stores the article's pairs in both directions. Rows a reviewer has confirmed, rejected or created
 * are never overwritten; unchanged rows are left alone (same updatedAt and version), and pairs this
 * article owns that no longer score are removed. Returns every claim whose links may have changed.
 */
async function storeLinks(tx: Conn, article: { id: string; seq: number | null; claims: ClaimRow[] }, rows: LinkRow[]): Promise<Set<string>> {
  const touched = new Set(article.claims.map((c) => c.id));
  for (const r of rows) touched.add(r.fromClaimId).add(r.toClaimId);
  const fresh = JSON.stringify(rows);
  const stale = await tx.query<{ fromClaimId: string; toClaimId: string }>(fromPrisma(staleLinksDelete(article, rows)));
  for (const r of stale) touched.add(r.fromClaimId).add(r.toClaimId);
  if (rows.length) {
    await tx.query(
      sql`
      INSERT INTO "ClaimLink" ("fromClaimId", "toClaimId", relation, score, reasons, independent, background)
      SELECT r."fromClaimId", r."toClaimId", r.relation, r.score, r.reasons, r.independent, r.background
      FROM jsonb_to_recordset(${fresh}::jsonb)
        AS r("fromClaimId" uuid, "toClaimId" uuid, relation "LinkRelation", score float8, reasons text[], independent boolean, background boolean)
      ON CONFLICT ("fromClaimId", "toClaimId") DO UPDATE SET
        relation = EXCLUDED.relation, score = EXCLUDED.score, reasons = EXCLUDED.reasons, independent = EXCLUDED.independent,
        background = EXCLUDED.background, version = "ClaimLink".version + 1, "updatedAt" = now()
      WHERE "ClaimLink".state = 'SUGGESTED' AND "ClaimLink".origin = 'SUGGESTED'
        AND ("ClaimLink".relation, "ClaimLink".score, "ClaimLink".reasons, "ClaimLink".independent, "ClaimLink".background)
          IS DISTINCT FROM (EXCLUDED.relation, EXCLUDED.score, EXCLUDED.reasons, EXCLUDED.independent, EXCLUDED.background)`,
      once,
    );
  }
  // Inserting then keeping the best ten leaves each claim with the best ten of every pair ever
  // offered to it, whatever order the articles came in.
  const ids = [...touched];
  await tx.query(
    sql`
    DELETE FROM "ClaimLink" l USING (
      SELECT id, origin, row_number() OVER (PARTITION BY "fromClaimId" ORDER BY score DESC, "toClaimId") AS n
      FROM "ClaimLink" WHERE "fromClaimId" = ANY(${ids}::uuid[]) AND state = 'SUGGESTED'
    ) r
    WHERE l.id = r.id AND r.n > ${MAX_SUGGESTIONS} AND r.origin = 'SUGGESTED'
      -- Rechecked on the row itself: a reviewer may confirm it while this statement waits for its lock.
      AND l.state = 'SUGGESTED' AND l.origin = 'SUGGESTED'`,
  );
  return touched;
}

/**
 * Removes the suggestions of pairs this article owns (the other claim's article was imported
 * earlier) that the fresh rows no longer make; reviewer rows are never touched. One DELETE per
 * direction, each driven by the article's own claim ids through the index on that column, so it
 * reads rows in proportion to the article's links, never the whole link table. Exported so that
 * a test can EXPLAIN exactly the statement that runs.
 */
export function staleLinksDelete(article: { seq: number | null; claims: { id: string }[] }, fresh: Pick<LinkRow, "fromClaimId" | "toClaimId">[]): Prisma.Sql {
  const ids = article.claims.map((c) => c.id);
  const before = article.seq;
  const from = fresh.map((r) => r.fromClaimId);
  const to = fresh.map((r) => r.toClaimId);
  // The other article is looked up per link by primary key (a scalar subquery is never turned
  // into a join), so a small desk's planner cannot choose to hash every claim instead.
  const owned = (mine: Prisma.Sql, other: Prisma.Sql) => Prisma.sql`
    DELETE FROM "ClaimLink" l
    WHERE ${mine} = ANY(${ids}::uuid[])
      AND l.state = 'SUGGESTED' AND l.origin = 'SUGGESTED'
      AND (SELECT ${before}::int IS NULL OR oa.seq < ${before}::int FROM "Claim" o JOIN "Article" oa ON oa.id = o."articleId" WHERE o.id = ${other})
      AND NOT EXISTS (
        SELECT 1 FROM unnest(${from}::uuid[], ${to}::uuid[]) AS r("fromClaimId", "toClaimId")
        WHERE r."fromClaimId" = l."fromClaimId" AND r."toClaimId" = l."toClaimId")
    RETURNING l."fromClaimId", l."toClaimId"`;
  // The two never delete one row: the other article came before this one, so it is not this one.
  return Prisma.sql`
    WITH outgoing AS (${owned(Prisma.sql`l."fromClaimId"`, Prisma.sql`l."toClaimId"`)}),
      incoming AS (${owned(Prisma.sql`l."toClaimId"`, Prisma.sql`l."fromClaimId"`)})
    SELECT * FROM outgoing UNION ALL SELECT * FROM incoming`;
}

type EvidenceRow = {
  fromClaimId: string;
  relation: "SUPPORTS" | "CONTRADICTS";
  independent: boolean;
  background: boolean;
  score: number;
  state: string;
  origin: string;
  outletId: string;
  wireCredit: string | null;
  originGroup: string | null;
};

// The stored verdict follows every link a reviewer has not rejected, confirmed or still suggested.
async function refreshVerdicts(tx: Conn, claimIds: string[]) {
  if (!claimIds.length) return;
  // One statement with the evidence's article and outlet joined (what EVIDENCE_SOURCE reads), where
  // the nested findMany took four: this runs once for every article matched.
  const links = await tx.query<EvidenceRow>(
    sql`
    SELECT l."fromClaimId", l.relation::text AS relation, l.independent, l.background, l.score, l.state::text AS state,
      l.origin::text AS origin, a."outletId", a."wireCredit", o."originGroup"
    FROM "ClaimLink" l JOIN "Claim" c ON c.id = l."toClaimId" JOIN "Article" a ON a.id = c."articleId" JOIN "Outlet" o ON o.id = a."outletId"
    WHERE l."fromClaimId" = ANY(${claimIds}::uuid[]) AND l.state <> 'REJECTED'`,
  );
  const byClaim = new Map<string, VerdictLink[]>(claimIds.map((id) => [id, []]));
  for (const l of links)
    byClaim
      .get(l.fromClaimId)!
      .push(verdictLink({ ...l, toClaim: { article: { outletId: l.outletId, wireCredit: l.wireCredit, outlet: { originGroup: l.originGroup } } } }));
  const ids = [...byClaim.keys()];
  const verdicts = ids.map((id) => suggestVerdict(byClaim.get(id)!).toUpperCase());
  await tx.query(
    sql`
    UPDATE "Claim" c SET "suggestedVerdict" = u.verdict::"SuggestedVerdict"
    FROM unnest(${ids}::uuid[], ${verdicts}::text[]) AS u(id, verdict)
    WHERE c.id = u.id AND c."suggestedVerdict" <> u.verdict::"SuggestedVerdict"`,
  );
}
