import "server-only";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { findStoryGroup } from "../stories/data";
import { DomainError } from "../errors";
import { getSettings, resolveSiteUrl } from "../settings/data";
import { readSnapshot } from "../publishing/snapshot";
import { publishedChangeNote, readSourceChange } from "../articles/source-change";
import { buildClaimReview, SCHEMA_ORG, type ClaimReviewContext, type ClaimReviewSubject, type EvidenceItem } from "./claimreview";
import { ANNO_CONTEXT, ANNOTATION_PAGE_SIZE, annotationCollection, annotationPage, buildAnnotation, pageCount, type AnnotatedLink } from "./annotations";
import { CLAIM_CSV_COLUMNS, claimCsvFields, csvLine, type ClaimCsvRow } from "./csv";
import { jsonArray, keysetBatches, textStream } from "./stream";
import type { ClaimsCsvQuery, ClaimReviewQuery } from "./schema";

export const EXPORT_BATCH = 1000;
const articleSelect = { id: true, url: true, title: true, publishedAt: true, outlet: { select: { name: true, domain: true } } } as const;

/**
 * Approved claims only, as their approved snapshot (lib/publishing) says, with the evidence claims
 * resolved in one more read per batch. What reviewers changed since approval is not shown.
 */
async function readPublished(db: Db, where: Prisma.ClaimWhereInput, after: string | null, take: number): Promise<ClaimReviewSubject[]> {
  const rows = await db.claim.findMany({
    where: { ...where, publishedAt: { not: null }, ...(after ? { id: { gt: after } } : {}) },
    orderBy: { id: "asc" },
    take,
    select: { id: true, text: true, attribution: true, published: true, sourceChange: true, article: { select: articleSelect } },
  });
  const snaps = rows.map((r) => readSnapshot(r.published));
  const ids = [...new Set(snaps.flatMap((s) => s?.evidence.map((e) => e.claimId) ?? []))];
  const claims = ids.length
    ? await db.claim.findMany({ where: { id: { in: ids } }, select: { id: true, text: true, prefix: true, suffix: true, article: { select: articleSelect } } })
    : [];
  const byId = new Map(claims.map((c) => [c.id, c]));
  return rows.flatMap((r, i) => {
    const snap = snaps[i];
    if (!snap) return [];
    const evidence: EvidenceItem[] = snap.evidence.flatMap((e) => {
      const claim = byId.get(e.claimId);
      return claim ? [{ relation: e.relation, independent: e.independent, claim }] : [];
    });
    return [
      {
        id: r.id,
        text: r.text,
        attribution: r.attribution,
        article: r.article,
        status: snap.status,
        disputed: snap.disputed,
        rationale: snap.rationale,
        approvedAt: new Date(snap.approvedAt),
        evidence,
        sourceNote: publishedChangeNote(readSourceChange(r.sourceChange), snap.approvedAt),
      },
    ];
  });
}

// An approved claim for its public page: null when unknown or never approved.
export async function reviewedClaim(db: Db, id: string) {
  const [row] = await readPublished(db, { id }, null, 1);
  return row ?? null;
}
export type PublicClaim = ClaimReviewSubject;

// The ClaimReview export (and a story's, with ?story=) as a streamed {"@context","@graph"} document:
// approved claims only.
export async function claimReviewStream(db: Db, query: ClaimReviewQuery, ctx: ClaimReviewContext, batch = EXPORT_BATCH) {
  let articleIds: string[] | undefined;
  if (query.story) {
    const story = await findStoryGroup(db, query.story);
    if (!story) throw new DomainError("not_found", "No story has that id.");
    articleIds = story.articles.map((a) => a.id);
  }
  const where: Prisma.ClaimWhereInput = {
    ...(query.status ? { published: { path: ["status"], equals: query.status } } : {}),
    ...(articleIds ? { articleId: { in: articleIds } } : {}),
  };
  const batches = keysetBatches((after, take) => readPublished(db, where, after, take), batch);
  const open = `{"@context":${JSON.stringify(SCHEMA_ORG)},"@graph":[`;
  return textStream(jsonArray(batches, (c) => buildClaimReview(c, ctx), open, "]}"));
}

// A batch of articles' claims with their confirmed links and verdict history, in one statement
// (Prisma's nested select took seven per batch): the export's time is mostly round trips.
const csvClaimsSql = (articleIds: string[], status: string | undefined) => Prisma.sql`
  SELECT c.id, c.text, c.start, c.status::text AS status, c."suggestedVerdict"::text AS "suggestedVerdict", c.checkworthiness, c.kind::text AS kind,
    c.attribution, c."publishedAt", c."awaitingApproval", c."anchoredVersion", c."sourceChanged", c."sourceChange", c."articleId",
    COALESCE((SELECT json_agg(json_build_object('toClaimId', l."toClaimId", 'relation', l.relation, 'text', t.text, 'outlet', o.name) ORDER BY l.relation, l."toClaimId")
      FROM "ClaimLink" l JOIN "Claim" t ON t.id = l."toClaimId" JOIN "Article" ta ON ta.id = t."articleId" JOIN "Outlet" o ON o.id = ta."outletId"
      WHERE l."fromClaimId" = c.id AND l.state = 'CONFIRMED'), '[]') AS links,
    COALESCE((SELECT json_agg(json_build_object('at', e.at, 'kind', e.kind, 'rationale', e.rationale, 'name', u.name, 'email', u.email) ORDER BY e.at, e.id)
      FROM "VerdictEvent" e LEFT JOIN "User" u ON u.id = e."actorId" WHERE e."claimId" = c.id), '[]') AS events
  FROM "Claim" c
  WHERE c."articleId" = ANY(${articleIds}::uuid[]) ${status ? Prisma.sql`AND c.status = ${status}::"ClaimStatus"` : Prisma.empty}
  ORDER BY array_position(${articleIds}::uuid[], c."articleId"), c.start, c.id`;

type CsvClaim = Omit<ClaimCsvRow, "article" | "linksFrom" | "verdictEvents"> & {
  articleId: string;
  links: { toClaimId: string; relation: string; text: string; outlet: string }[];
  events: { at: string; kind: string; rationale: string | null; name: string | null; email: string | null }[];
};

async function csvClaims(db: Db, articleIds: string[], status: string | undefined): Promise<ClaimCsvRow[]> {
  const [rows, articles] = await Promise.all([db.$queryRaw<CsvClaim[]>(csvClaimsSql(articleIds, status)), csvArticles(db, articleIds)]);
  return rows.map(({ links, events, articleId, ...c }) => ({
    ...c,
    article: articles.get(articleId)!,
    linksFrom: links.map((l) => ({ toClaimId: l.toClaimId, relation: l.relation, toClaim: { text: l.text, article: { outlet: { name: l.outlet } } } })),
    verdictEvents: events.map((e) => ({
      at: new Date(e.at),
      kind: e.kind,
      rationale: e.rationale,
      actor: e.name === null ? null : { name: e.name, email: e.email ?? "" },
    })),
  }));
}

type ArticleKey = { d: Date; id: string };

// A top-N sort of the articles for each thousand listed (there is no index on the COALESCE).
export const articleBatchSql = (size: number, cursor: ArticleKey | null) => Prisma.sql`
  SELECT a.id, COALESCE(a."publishedAt", a."createdAt") AS d FROM "Article" a
  ${cursor ? Prisma.sql`WHERE (COALESCE(a."publishedAt", a."createdAt"), a.id) > (${cursor.d}, ${cursor.id}::uuid)` : Prisma.empty}
  ORDER BY COALESCE(a."publishedAt", a."createdAt"), a.id LIMIT ${size}`;

// Articles by publication date (else import date), then id: the CSV's row order, read by keyset.
async function* articleBatches(db: Db, size: number): AsyncGenerator<string[]> {
  let after: ArticleKey | null = null;
  for (;;) {
    const cursor: ArticleKey | null = after;
    const rows: { id: string; d: Date }[] = await db.$queryRaw(articleBatchSql(size, cursor));
    if (rows.length) yield rows.map((r) => r.id);
    if (rows.length < size) return;
    after = rows[rows.length - 1];
  }
}

type CsvArticle = ClaimCsvRow["article"];

// Each article of a batch once (not once per claim), with only the start of its text, which names
// an untitled article.
async function csvArticles(db: Db, ids: string[]): Promise<Map<string, CsvArticle>> {
  const rows = await db.$queryRaw<(Omit<CsvArticle, "outlet"> & { outlet: string })[]>`
    SELECT a.id, a.title, a.url, a."publishedAt", CASE WHEN a.title IS NULL THEN left(a.text, 2000) ELSE '' END AS text, o.name AS outlet
    FROM "Article" a JOIN "Outlet" o ON o.id = a."outletId" WHERE a.id = ANY(${ids}::uuid[])`;
  return new Map(rows.map(({ outlet, ...a }) => [a.id, { ...a, outlet: { name: outlet } }]));
}

// One chunk per batch of articles: their claims by article (in that order), then by position.
// Articles are listed a thousand at a time (each listing sorts the articles once) and their claims
// read a hundred articles (about a thousand claims) at a time, so the export's memory stays flat
// however large the desk (docs/decisions/021).
async function* csvLines(db: Db, query: ClaimsCsvQuery, batch: number): AsyncGenerator<string> {
  yield csvLine([...CLAIM_CSV_COLUMNS]);
  for await (const listed of articleBatches(db, EXPORT_BATCH)) {
    for (let i = 0; i < listed.length; i += batch) {
      const articleIds = listed.slice(i, i + batch);
      const rows = await csvClaims(db, articleIds, query.status);
      if (rows.length) yield rows.map((r) => csvLine(claimCsvFields(r))).join("");
    }
  }
}

export const CSV_ARTICLE_BATCH = 100;

export function claimsCsvStream(db: Db, query: ClaimsCsvQuery, batch = CSV_ARTICLE_BATCH) {
  return textStream(csvLines(db, query, batch));
}

// The version a claim is anchored on, with the page it was fetched as: the annotation targets that
// snapshot when the article has moved on (docs/decisions/023).
const annotatedClaim = {
  select: {
    id: true,
    text: true,
    start: true,
    end: true,
    prefix: true,
    suffix: true,
    anchoredVersion: true,
    article: {
      select: {
        id: true,
        url: true,
        currentVersion: true,
        versions: { select: { number: true, snapshot: { select: { id: true, fetchedAt: true, finalUrl: true } } } },
      },
    },
  },
} as const;

// One annotation per confirmed pair: links are stored in both directions, so the pair's row from the
// smaller claim id stands for both, unless only one direction is confirmed.
const confirmedPair = Prisma.sql`l.state = 'CONFIRMED'
  AND (l."fromClaimId" < l."toClaimId" OR NOT EXISTS (
    SELECT 1 FROM "ClaimLink" r WHERE r."fromClaimId" = l."toClaimId" AND r."toClaimId" = l."fromClaimId" AND r.state = 'CONFIRMED'))`;

async function readConfirmedPairs(db: Db, page: number, size: number): Promise<{ total: number; items: AnnotatedLink[] }> {
  const [{ n }] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "ClaimLink" l WHERE ${confirmedPair}`;
  const ids = await db.$queryRaw<{ id: string }[]>`
    SELECT l.id FROM "ClaimLink" l WHERE ${confirmedPair} ORDER BY l.id LIMIT ${size} OFFSET ${(page - 1) * size}`;
  if (!ids.length) return { total: n, items: [] };
  const rows = await db.claimLink.findMany({
    where: { id: { in: ids.map((r) => r.id) } },
    orderBy: { id: "asc" },
    select: {
      id: true,
      relation: true,
      confirmedAt: true,
      updatedAt: true,
      confirmedBy: { select: { id: true, name: true } },
      fromClaim: annotatedClaim,
      toClaim: annotatedClaim,
    },
  });
  const annotated = (c: (typeof rows)[number]["fromClaim"]) => {
    const { versions, ...article } = c.article;
    const snapshot = versions.find((v) => v.number === c.anchoredVersion)?.snapshot ?? null;
    return { ...c, article: { ...article, snapshot } };
  };
  return { total: n, items: rows.map(({ fromClaim, toClaim, ...l }) => ({ ...l, from: annotated(fromClaim), to: annotated(toClaim) })) };
}

/**
 * The annotations export: without a page, the AnnotationCollection with its first page embedded;
 * with ?page=N, that AnnotationPage (404 past the last page).
 */
export async function annotationsExport(db: Db, siteUrl: string, page: number | undefined, size = ANNOTATION_PAGE_SIZE) {
  const collectionId = `${siteUrl}/api/v1/export/annotations.jsonld`;
  const { total, items } = await readConfirmedPairs(db, page ?? 1, size);
  if (page && page > pageCount(total, size)) throw new DomainError("not_found", "There is no such page of annotations.");
  const built = annotationPage({ collectionId, page: page ?? 1, total, size, items: items.map((l) => buildAnnotation(l, siteUrl)) });
  if (page) return { "@context": ANNO_CONTEXT, ...built };
  const { organisationName } = await getSettings(db);
  return annotationCollection({ collectionId, label: `Evidence links confirmed by ${organisationName}`, total, size, first: built });
}

// Who publishes the reviews and where the public pages live, from settings.
export async function reviewContext(db: Db): Promise<ClaimReviewContext & { publicPages: boolean }> {
  const s = await getSettings(db);
  return { siteUrl: resolveSiteUrl(s), organisation: { name: s.organisationName, url: s.organisationUrl }, publicPages: s.publicPages };
}

// The public page's data: null (so 404) when public pages are off, or the claim is unknown or unreviewed.
export async function publicClaimPage(db: Db, id: string) {
  const settings = await getSettings(db);
  if (!settings.publicPages) return null;
  const claim = await reviewedClaim(db, id);
  return claim ? { claim, settings } : null;
}
