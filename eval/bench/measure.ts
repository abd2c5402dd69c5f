// Where one article's matching time goes, each part next to a floor measured in the same run:
// retrieval against a bare indexed SELECT of the same claims, the scorer against a plain
// token-overlap count of the same pairs. Retrieval and scoring are run once more beside
// matchArticle (which does both inside its transaction), so they can be timed on their own.
import { Prisma } from "../../lib/db/generated/client";
import type { Db } from "../../lib/db/client";
import { findCandidates, type Candidate } from "../../lib/match/candidates";
import { matchArticle } from "../../lib/match/match-article";
import { analyzePassage, articleEventDates, type Analysis, type EventDate } from "../../lib/match/pair/analyze";
import { loadPairModel, scoreAnalyses } from "../../lib/match/pair/model";

export type ArticleFigures = {
  claims: number;
  pairs: number;
  links: number;
  retrievalMs: number;
  selectFloorMs: number;
  analysisMs: number;
  scoreMs: number;
  tokenFloorMs: number;
  matchMs: number;
};

type Source = { id: string; outletId: string; publishedAt: Date | null; wireCredit: string | null; text: string; outlet: { originGroup: string | null } };
type ClaimText = { id: string; text: string; attribution: string | null; context?: string | null };
const sourceSelect = { id: true, outletId: true, publishedAt: true, wireCredit: true, text: true, outlet: { select: { originGroup: true } } } as const;

// The pair model as lib/match/match-article.ts calls it: each article's dates read once and each
// claim analysed once (timed apart, as analysisMs), then every candidate pair scored from the two
// analyses. (Matching also gives the new article's claims the sentence before a pronoun-led one.)
function scoreAll(
  claims: Map<string, ClaimText>,
  article: Source,
  candidates: Candidate[],
  others: Map<string, Source>,
): { suggested: number; analysisMs: number; scoreMs: number } {
  const model = loadPairModel();
  const t0 = performance.now();
  const sides = new Map<string, Analysis>();
  const dates = new Map<string, EventDate[]>();
  const datesOf = (a: Source) => dates.get(a.id) ?? dates.set(a.id, articleEventDates(a.text, a.publishedAt)).get(a.id)!;
  const side = (c: ClaimText, a: Source) =>
    sides.get(c.id) ??
    sides
      .set(c.id, analyzePassage({ text: c.text, publishedAt: a.publishedAt, attribution: c.attribution, context: c.context, articleDates: datesOf(a) }))
      .get(c.id)!;
  for (const cand of candidates) {
    side(claims.get(cand.claimId)!, article);
    side(cand, others.get(cand.articleId)!);
  }
  const t1 = performance.now();
  let suggested = 0;
  for (const cand of candidates) {
    if (scoreAnalyses(side(claims.get(cand.claimId)!, article), side(cand, others.get(cand.articleId)!), model).relation !== "none") suggested++;
  }
  return { suggested, analysisMs: t1 - t0, scoreMs: performance.now() - t1 };
}

// The least any pair comparison costs: split both sentences into words and count the shared ones.
function tokenOverlapAll(claims: Map<string, ClaimText>, candidates: Candidate[]): number {
  let shared = 0;
  for (const cand of candidates) {
    const a = new Set(claims.get(cand.claimId)!.text.toLowerCase().split(/\W+/));
    for (const w of cand.text.toLowerCase().split(/\W+/)) if (a.has(w)) shared++;
  }
  return shared;
}

const timed = async <T>(fn: () => Promise<T> | T): Promise<[T, number]> => {
  const t = performance.now();
  const out = await fn();
  return [out, performance.now() - t];
};

export async function matchMeasured(db: Db, articleId: string): Promise<ArticleFigures> {
  const article = await db.article.findUniqueOrThrow({
    where: { id: articleId },
    select: { ...sourceSelect, seq: true, claims: { select: { id: true, text: true, attribution: true, context: true } } },
  });
  const ids = article.claims.map((c) => c.id);
  // Retrieval reads the terms of the analyses scoring uses, as matching does (decision 049).
  const when = articleEventDates(article.text, article.publishedAt);
  const read = article.claims.map((c) => ({
    ...c,
    analysis: analyzePassage({ text: c.text, publishedAt: article.publishedAt, attribution: c.attribution, context: c.context, articleDates: when }),
  }));
  const [candidates, retrievalMs] = await timed(() => findCandidates(db, article, read));
  const [, selectFloorMs] = await timed(() => db.$queryRaw(Prisma.sql`SELECT c.id, c.text FROM unnest(${ids}::uuid[]) AS k(id) JOIN "Claim" c ON c.id = k.id`));
  const others = new Map(
    (await db.article.findMany({ where: { id: { in: [...new Set(candidates.map((c) => c.articleId))] } }, select: sourceSelect })).map((a) => [a.id, a]),
  );
  const claims = new Map(article.claims.map((c) => [c.id, c]));
  const { analysisMs, scoreMs } = scoreAll(claims, article, candidates, others);
  const [, tokenFloorMs] = await timed(() => tokenOverlapAll(claims, candidates));
  const [{ links }, matchMs] = await timed(() => matchArticle(db, articleId));
  return { claims: ids.length, pairs: candidates.length, links, retrievalMs, selectFloorMs, analysisMs, scoreMs, tokenFloorMs, matchMs };
}

const sum = (xs: ArticleFigures[], k: keyof ArticleFigures) => xs.reduce((s, x) => s + x[k], 0);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;

// The issue's budget for the scorer: 900 pairs (30 claims x 30 candidates) in 100 ms.
export const SCORER_BUDGET_US = 100_000 / 900;

export const FIGURES_HEADER =
  "art/s  p50 ms  p95 ms | retrieval ms/claim  SELECT floor  ratio | analysis ms/claim | scorer µs/pair  token floor  ratio  budget share | pairs  links | time: retrieval scorer storage+rest";

// One row of figures for a run of articles. Matching throughput counts matchArticle only.
export function figuresRow(xs: ArticleFigures[]): string {
  const claims = sum(xs, "claims") || 1;
  const pairs = sum(xs, "pairs") || 1;
  const match = sum(xs, "matchMs");
  const [retrieval, floor, score, tokens] = [
    sum(xs, "retrievalMs") / claims,
    sum(xs, "selectFloorMs") / claims,
    (sum(xs, "scoreMs") * 1000) / pairs,
    (sum(xs, "tokenFloorMs") * 1000) / pairs,
  ];
  const share = (k: keyof ArticleFigures) => `${((100 * sum(xs, k)) / match).toFixed(0)}%`;
  const rest = `${((100 * (match - sum(xs, "retrievalMs") - sum(xs, "scoreMs"))) / match).toFixed(0)}%`;
  const times = xs.map((x) => x.matchMs);
  const f = (x: number, d = 2) => x.toFixed(d);
  return [
    `${f((1000 * xs.length) / match, 1).padStart(5)}  ${f(pct(times, 50), 0).padStart(6)}  ${f(pct(times, 95), 0).padStart(6)}`,
    `${f(retrieval, 3).padStart(18)}  ${f(floor, 3).padStart(12)}  ${f(retrieval / floor, 0).padStart(5)}`,
    // Analyses are per distinct claim: the new article's claims and its distinct candidates.
    `${f(sum(xs, "analysisMs") / claims, 2).padStart(17)}`,
    `${f(score, 1).padStart(14)}  ${f(tokens, 1).padStart(11)}  ${f(score / tokens, 0).padStart(5)}  ${`${f((100 * score) / SCORER_BUDGET_US, 0)}%`.padStart(12)}`,
    `${String(sum(xs, "pairs")).padStart(5)}  ${String(sum(xs, "links")).padStart(5)}`,
    `${share("retrievalMs").padStart(15)} ${share("scoreMs").padStart(6)} ${rest.padStart(12)}`,
  ].join(" | ");
}
