import "server-only";
import crypto from "node:crypto";
import type { Db } from "../db/client";
import { HttpError } from "../http/errors";
import { cleanArticle } from "./clean";
import { DEFAULT_THRESHOLD } from "../extract/extract";
import { extractClaimsInSlices } from "../extract/slices";
import { outletForImport } from "../outlets/mutations";
import { insertClaims, importTimeoutMs } from "./insert-claims";
import { MAX_TEXT_BYTES, type ImportArticleInput } from "./schema";

export type ImportResult = { duplicate: boolean; articleId: string };

// Two imports of the same story text are one article, however the whitespace differs.
export function contentHash(cleanedText: string): string {
  return crypto.createHash("sha256").update(cleanedText.replace(/\s+/g, " ").trim().toLowerCase()).digest("hex");
}

async function threshold(db: Db): Promise<number> {
  const row = await db.setting.findUnique({ where: { key: "checkworthinessThreshold" } });
  return typeof row?.value === "number" ? row.value : DEFAULT_THRESHOLD;
}

// The one way articles enter the desk (UI, API, CLI, seed): clean, extract, write the article and
// its claims in one transaction, then hand the article to the matching job. rawText is kept as
// received (an HTML upload keeps its HTML) while input.text is the plain text to clean.
export async function importArticle(db: Db, actorId: string | null, input: ImportArticleInput, opts: { enqueue?: (articleId: string) => Promise<unknown>; rawText?: string } = {}): Promise<ImportResult> {
  if (Buffer.byteLength(opts.rawText ?? input.text) > MAX_TEXT_BYTES) throw new HttpError("payload_too_large", "The article text is over 1 MB.");
  const cleaned = cleanArticle(input.text);
  if (!cleaned.text.trim()) throw new HttpError("unprocessable", "No article text is left once menus, ads and captions are removed.");
  const hash = contentHash(cleaned.text);
  const existing = await db.article.findUnique({ where: { contentHash: hash }, select: { id: true } });
  if (existing) return { duplicate: true, articleId: existing.id };

  const claims = await extractClaimsInSlices(cleaned.text, { threshold: await threshold(db) });
  const publishedAt = input.publishedAt ? new Date(input.publishedAt) : cleaned.publishedAt;
  try {
    // The outlet is created in the same transaction: a failed import leaves nothing behind.
    const article = await db.$transaction(async (tx) => {
      const outlet = await outletForImport(tx, actorId, input.outlet);
      const a = await tx.article.create({
        data: {
          outletId: outlet, title: input.title ?? null, url: input.url ?? null, publishedAt, rawText: opts.rawText ?? input.text, text: cleaned.text,
          contentHash: hash, wireCredit: cleaned.wireCredit, importedById: actorId,
        },
        select: { id: true },
      });
      await insertClaims(tx, a.id, claims);
      await tx.auditLog.create({ data: { actorId, action: "article.import", entity: "Article", entityId: a.id, data: { outlet: input.outlet, claims: claims.length } } });
      return a;
    }, { timeout: importTimeoutMs(claims.length), maxWait: 10_000 });
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

export async function requeueMatching(db: Db, actorId: string | null, articleId: string, enqueue: (id: string) => Promise<unknown>) {
  await db.$transaction([
    db.article.update({ where: { id: articleId }, data: { matching: "PENDING", matchingError: null } }),
    db.auditLog.create({ data: { actorId, action: "article.rematch", entity: "Article", entityId: articleId } }),
  ]);
  await enqueue(articleId);
}
