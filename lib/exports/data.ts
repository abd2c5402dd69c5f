import "server-only";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { isLinkChange } from "../links/history";
import { findStoryGroup } from "../stories/data";
import { HttpError } from "../http/errors";
import { getSettings, resolveSiteUrl } from "../settings/data";
import { buildClaimReview, SCHEMA_ORG, type ClaimReviewContext, type ClaimReviewSubject, type ReviewedStatus } from "./claimreview";
import { buildAnnotation, type AnnotatedLink } from "./annotations";
import { CLAIM_CSV_COLUMNS, claimCsvFields, csvLine } from "./csv";
import { jsonArray, keysetBatches, textStream } from "./stream";
import type { ClaimsCsvQuery, ClaimReviewQuery } from "./schema";

export const EXPORT_BATCH = 1000;
const REVIEWED: ReviewedStatus[] = ["CORROBORATED", "SINGLE_SOURCED", "CONTRADICTED"];

const articleSelect = { id: true, url: true, title: true, publishedAt: true, outlet: { select: { name: true, domain: true } } } as const;

// Everything a ClaimReview and the public page need, in one read per batch.
const reviewSelect = {
  id: true, text: true, status: true, updatedAt: true,
  article: { select: articleSelect },
  linksFrom: {
    where: { state: "CONFIRMED" },
    orderBy: [{ relation: "asc" }, { score: "desc" }, { toClaimId: "asc" }],
    select: { relation: true, toClaim: { select: { id: true, text: true, prefix: true, suffix: true, article: { select: articleSelect } } } },
  },
  verdictEvents: { orderBy: [{ at: "desc" }, { id: "desc" }], take: 50, select: { at: true, verdict: true, previous: true, rationale: true } },
} satisfies Prisma.ClaimSelect;

type ReviewRow = Awaited<ReturnType<typeof readReviewed>>[number];

function readReviewed(db: Db, where: object, after: string | null, take: number) {
  return db.claim.findMany({
    where: { ...where, ...(after ? { id: { gt: after } } : {}) },
    orderBy: { id: "asc" },
    take,
    select: reviewSelect,
  });
}

function toSubject(c: ReviewRow): ClaimReviewSubject {
  const verdict = c.verdictEvents.find((e) => !isLinkChange(e));
  return {
    id: c.id, text: c.text, status: c.status as ReviewedStatus, updatedAt: c.updatedAt, article: c.article,
    supporting: c.linksFrom.filter((l) => l.relation === "SUPPORTS").map((l) => l.toClaim.article),
    latestVerdictAt: verdict?.at ?? null,
    rationale: verdict?.rationale ?? null,
  };
}

// A reviewed claim for its public page: null when unknown or unreviewed.
export async function reviewedClaim(db: Db, id: string) {
  const [row] = await readReviewed(db, { id, status: { in: REVIEWED } }, null, 1);
  if (!row) return null;
  return { ...toSubject(row), evidence: row.linksFrom.map((l) => ({ relation: l.relation, claim: l.toClaim })) };
}
export type PublicClaim = NonNullable<Awaited<ReturnType<typeof reviewedClaim>>>;

// The ClaimReview export as a streamed {"@context","@graph"} document.
export async function claimReviewStream(db: Db, query: ClaimReviewQuery, ctx: ClaimReviewContext, batch = EXPORT_BATCH) {
  let articleIds: string[] | undefined;
  if (query.story) {
    const story = await findStoryGroup(db, query.story);
    if (!story) throw new HttpError("not_found", "No story has that id.");
    articleIds = story.articles.map((a) => a.id);
  }
  const where = { status: query.status ? query.status : { in: REVIEWED }, ...(articleIds ? { articleId: { in: articleIds } } : {}) };
  const batches = keysetBatches((after, take) => readReviewed(db, where, after, take), batch);
  const open = `{"@context":${JSON.stringify(SCHEMA_ORG)},"@graph":[`;
  return textStream(jsonArray(batches, (c) => buildClaimReview(toSubject(c), ctx), open, "]}"));
}

const csvSelect = {
  id: true, text: true, status: true, suggestedVerdict: true, checkworthiness: true, kind: true, attribution: true,
  article: { select: { id: true, title: true, url: true, publishedAt: true, outlet: { select: { name: true } } } },
  linksFrom: { where: { state: "CONFIRMED" }, orderBy: { toClaimId: "asc" }, select: { toClaimId: true, relation: true } },
  verdictEvents: { orderBy: [{ at: "asc" }, { id: "asc" }], select: { at: true, verdict: true, previous: true, rationale: true, actor: { select: { name: true, email: true } } } },
} satisfies Prisma.ClaimSelect;

async function* csvLines(db: Db, query: ClaimsCsvQuery, batch: number): AsyncGenerator<string> {
  yield csvLine([...CLAIM_CSV_COLUMNS]);
  const where = query.status ? { status: query.status } : {};
  const batches = keysetBatches(
    (after, take) => db.claim.findMany({ where: { ...where, ...(after ? { id: { gt: after } } : {}) }, orderBy: { id: "asc" }, take, select: csvSelect }),
    batch,
  );
  for await (const rows of batches) yield rows.map((r) => csvLine(claimCsvFields(r, (e) => !isLinkChange(e)))).join("");
}

export function claimsCsvStream(db: Db, query: ClaimsCsvQuery, batch = EXPORT_BATCH) {
  return textStream(csvLines(db, query, batch));
}

const annotatedClaim = { select: { id: true, text: true, start: true, end: true, prefix: true, suffix: true, article: { select: { id: true, url: true } } } } as const;

// One annotation per confirmed pair: links are stored in both directions, so the pair's row from the
// smaller claim id stands for both, unless only one direction is confirmed.
async function readConfirmedPairs(db: Db, after: string | null, take: number): Promise<AnnotatedLink[]> {
  const cursor = after ?? "00000000-0000-0000-0000-000000000000";
  const ids = await db.$queryRaw<{ id: string }[]>`
    SELECT l.id FROM "ClaimLink" l
    WHERE l.state = 'CONFIRMED' AND l.id > ${cursor}::uuid
      AND (l."fromClaimId" < l."toClaimId" OR NOT EXISTS (
        SELECT 1 FROM "ClaimLink" r WHERE r."fromClaimId" = l."toClaimId" AND r."toClaimId" = l."fromClaimId" AND r.state = 'CONFIRMED'))
    ORDER BY l.id LIMIT ${take}`;
  if (!ids.length) return [];
  const rows = await db.claimLink.findMany({
    where: { id: { in: ids.map((r) => r.id) } },
    orderBy: { id: "asc" },
    select: { id: true, relation: true, createdAt: true, updatedAt: true, createdBy: { select: { name: true } }, fromClaim: annotatedClaim, toClaim: annotatedClaim },
  });
  return rows.map(({ fromClaim, toClaim, ...l }) => ({ ...l, from: fromClaim, to: toClaim }));
}

// The annotations export: a streamed JSON array of Annotation objects.
export function annotationsStream(db: Db, siteUrl: string, batch = EXPORT_BATCH) {
  const batches = keysetBatches((after, take) => readConfirmedPairs(db, after, take), batch);
  return textStream(jsonArray(batches, (l) => buildAnnotation(l, siteUrl)));
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
