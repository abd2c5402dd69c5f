import "server-only";
import crypto from "node:crypto";
import type { Db, Tx } from "../db/client";
import { DomainError } from "../errors";
import { cleanArticle } from "./clean";
import { detectMetadata, suggestOutlet } from "./metadata";
import { DEFAULT_THRESHOLD } from "../extract/extract";
import { extractClaimsInSlices } from "../extract/slices";
import { outletForImport } from "../outlets/mutations";
import { insertClaims, importTimeoutMs } from "./insert-claims";
import { MAX_TEXT_BYTES, type ImportArticleInput, type UpdateArticleInput } from "./schema";
import { Prisma } from "../db/generated/client";
import { lockClaims, TX_OPTIONS } from "../verdicts/pair";
import { purgeClaims, refuseReviewed } from "../claims/mutations";
import type { DeleteInput } from "../claims/schema";

export type ImportResult = { duplicate: boolean; articleId: string };

// A page fetched by URL (lib/articles/import-url): kept beside the article as its first snapshot.
export type FetchedSource = {
  requestedUrl: string;
  finalUrl: string;
  status: number;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
  html: string;
  bytes: number;
  fetchedAt: Date;
};

export const sha256 = (s: string) => crypto.createHash("sha256").update(s).digest("hex");

// Two imports of the same story text are one article, however the whitespace differs.
export function contentHash(cleanedText: string): string {
  return crypto.createHash("sha256").update(cleanedText.replace(/\s+/g, " ").trim().toLowerCase()).digest("hex");
}

export async function threshold(db: Db): Promise<number> {
  const row = await db.setting.findUnique({ where: { key: "checkworthinessThreshold" } });
  return typeof row?.value === "number" ? row.value : DEFAULT_THRESHOLD;
}

// The one way articles enter the desk (UI, API, CLI, seed): clean, extract, write the article and
// its claims in one transaction, then hand the article to the matching job. rawText is kept as
// received (an HTML upload keeps its HTML) while input.text is the plain text to clean.
export async function importArticle(
  db: Db,
  actorId: string | null,
  input: ImportArticleInput,
  opts: { enqueue?: (articleId: string) => Promise<unknown>; rawText?: string; fetched?: FetchedSource } = {},
): Promise<ImportResult> {
  if (Buffer.byteLength(opts.rawText ?? input.text) > MAX_TEXT_BYTES) throw new DomainError("too_large", "The article text is over 1 MB.");
  const cleaned = cleanArticle(input.text);
  if (!cleaned.text.trim()) throw new DomainError("rule", "No article text is left once menus, ads and captions are removed.");
  const hash = contentHash(cleaned.text);
  const existing = await db.article.findUnique({ where: { contentHash: hash }, select: { id: true } });
  if (existing) return { duplicate: true, articleId: existing.id };

  // What the admin typed wins; the article's own metadata fills the rest.
  const outlets = await db.outlet.findMany({ select: { name: true, domain: true } });
  const meta = detectMetadata({ source: opts.fetched?.html ?? opts.rawText ?? input.text, plainText: input.text, outlets });
  // A fetched page's own address names a known outlet when the page does not say.
  const outletName = input.outlet ?? meta.outlet ?? (opts.fetched ? suggestOutlet(null, opts.fetched.finalUrl, outlets).outlet : null);
  if (!outletName) throw new DomainError("rule", "Name the outlet: the article does not say which it is.");
  const claims = await extractClaimsInSlices(cleaned.text, { threshold: await threshold(db) });
  const publishedAt = input.publishedAt ? new Date(input.publishedAt) : meta.publishedAt ? new Date(meta.publishedAt) : cleaned.publishedAt;
  try {
    // The outlet is created in the same transaction: a failed import leaves nothing behind.
    const article = await db.$transaction(
      async (tx) => {
        const outlet = await outletForImport(tx, actorId, outletName);
        const a = await tx.article.create({
          data: {
            outletId: outlet,
            title: input.title ?? meta.title,
            url: input.url ?? meta.url ?? opts.fetched?.finalUrl,
            publishedAt,
            rawText: opts.rawText ?? input.text,
            text: cleaned.text,
            contentHash: hash,
            wireCredit: cleaned.wireCredit,
            importedById: actorId,
            ...(opts.fetched ? { fetchUrl: opts.fetched.finalUrl, lastFetchedAt: opts.fetched.fetchedAt } : {}),
          },
          select: { id: true },
        });
        if (opts.fetched) await recordFirstVersion(tx, a.id, cleaned.text, hash, opts.fetched);
        await insertClaims(tx, a.id, claims);
        await tx.auditLog.create({
          data: { actorId, action: "article.import", entity: "Article", entityId: a.id, data: { outlet: outletName, claims: claims.length } },
        });
        return a;
      },
      { timeout: importTimeoutMs(claims.length), maxWait: 10_000 },
    );
    // The article is saved either way; a pending article is queued again when the worker starts.
    await opts.enqueue?.(article.id)?.catch((e: Error) => console.error(`[import] could not queue matching for ${article.id}: ${e.message}`));
    return { duplicate: false, articleId: article.id };
  } catch (e) {
    // A concurrent import of the same text won the race: answer as a duplicate of its article.
    if ((e as { code?: string }).code === "P2002") {
      const winner = await db.article.findUnique({ where: { contentHash: hash }, select: { id: true } });
      if (winner) return { duplicate: true, articleId: winner.id };
    }
    throw e;
  }
}

// Version 1 of an article fetched by URL, with the page it came from.
async function recordFirstVersion(tx: Tx, articleId: string, text: string, hash: string, f: FetchedSource) {
  const { html, ...rest } = f;
  const snap = await tx.articleSnapshot.create({ data: { articleId, ...rest, html, contentHash: sha256(html) }, select: { id: true } });
  await tx.articleVersion.create({ data: { articleId, number: 1, text, contentHash: hash, snapshotId: snap.id } });
}

export async function requeueMatching(db: Db, actorId: string | null, articleId: string, enqueue: (id: string) => Promise<unknown>) {
  await db.$transaction([
    db.article.update({ where: { id: articleId }, data: { matching: "PENDING", matchingError: null } }),
    db.auditLog.create({ data: { actorId, action: "article.rematch", entity: "Article", entityId: articleId } }),
  ]);
  await enqueue(articleId);
}

const day = (d: Date | null) => d?.toISOString() ?? null;

/**
 * An admin corrects an article's title, address, date or outlet. A new date re-resolves the
 * article's relative dates ("on Tuesday") and a new outlet changes who is independent of whom, so
 * either queues every claim of the article for matching again: against every other article, later
 * ones included, because the pairs a later article owns were scored with the old date or outlet.
 */
export async function updateArticle(
  db: Db,
  actorId: string,
  id: string,
  input: UpdateArticleInput,
  opts: { enqueue?: (articleId: string, claimIds: string[]) => Promise<unknown> } = {},
) {
  const before = await db.article.findUnique({
    where: { id },
    select: { title: true, url: true, publishedAt: true, outletId: true, outlet: { select: { name: true } }, claims: { select: { id: true } } },
  });
  if (!before) throw new DomainError("not_found", "No such article.");
  const data: { title?: string | null; url?: string | null; publishedAt?: Date | null; outletId?: string } = {};
  const changes: Record<string, [unknown, unknown]> = {};
  if (input.title !== undefined && input.title !== before.title) [data.title, changes.title] = [input.title, [before.title, input.title]];
  if (input.url !== undefined && input.url !== before.url) [data.url, changes.url] = [input.url, [before.url, input.url]];
  if (input.publishedAt !== undefined) {
    const next = input.publishedAt === null ? null : new Date(input.publishedAt);
    if (day(next) !== day(before.publishedAt)) [data.publishedAt, changes.publishedAt] = [next, [day(before.publishedAt), day(next)]];
  }
  if (input.outlet !== undefined && input.outlet.toLowerCase() !== before.outlet.name.toLowerCase()) {
    data.outletId = await db.$transaction((tx) => outletForImport(tx, actorId, input.outlet!));
    changes.outlet = [before.outlet.name, input.outlet];
  }
  if (!Object.keys(changes).length) return { id, changed: [] as string[], rematch: false };
  const rematch = "publishedAt" in changes || "outlet" in changes;
  await db.$transaction([
    db.article.update({ where: { id }, data: { ...data, ...(rematch ? { matching: "PENDING", matchingError: null } : {}) } }),
    db.auditLog.create({ data: { actorId, action: "article.update", entity: "Article", entityId: id, data: changes as Prisma.InputJsonValue } }),
  ]);
  const claimIds = before.claims.map((c) => c.id);
  if (rematch) await opts.enqueue?.(id, claimIds)?.catch((e: Error) => console.error(`[articles] could not queue matching for ${id}: ${e.message}`));
  return { id, changed: Object.keys(changes), rematch };
}

/**
 * Removes an article with its claims, their links and history. Refused (409) when any claim has a
 * verdict, unless forced with a reason; the audit row keeps the article's metadata, the reason and
 * every removed claim's history.
 */
export async function deleteArticle(db: Db, actorId: string, id: string, input: DeleteInput) {
  return db.$transaction(async (tx) => {
    const article = await tx.article.findUnique({
      where: { id },
      select: {
        title: true,
        url: true,
        publishedAt: true,
        contentHash: true,
        outlet: { select: { name: true } },
        claims: { select: { id: true, status: true } },
      },
    });
    if (!article) throw new DomainError("not_found", "No such article.");
    const ids = article.claims.map((c) => c.id);
    await lockClaims(tx, ids);
    refuseReviewed(article.claims, input, "the article");
    const claims = await purgeClaims(tx, ids);
    await tx.article.delete({ where: { id } });
    await tx.auditLog.create({
      data: {
        actorId,
        action: "article.delete",
        entity: "Article",
        entityId: id,
        data: {
          title: article.title,
          url: article.url,
          publishedAt: day(article.publishedAt),
          outlet: article.outlet.name,
          contentHash: article.contentHash,
          forced: input.force,
          reason: input.reason ?? null,
          claims,
        } as Prisma.InputJsonValue,
      },
    });
    return { id, deleted: true, claims: ids.length };
  }, TX_OPTIONS);
}
