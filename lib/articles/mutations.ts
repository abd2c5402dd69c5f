import "server-only";
import crypto from "node:crypto";
import type { Db } from "../db/client";
import { HttpError } from "../http/errors";
import { cleanArticle } from "./clean";
import { extractClaims, DEFAULT_THRESHOLD } from "../extract/extract";
import { MAX_TEXT_BYTES, type ImportArticleInput } from "./schema";

export type ImportResult = { duplicate: boolean; articleId: string };

// Two imports of the same story text are one article, however the whitespace differs.
export function contentHash(cleanedText: string): string {
  return crypto.createHash("sha256").update(cleanedText.replace(/\s+/g, " ").trim().toLowerCase()).digest("hex");
}

// "reuters" names the outlet "Reuters" if it exists, as the outlets admin treats names.
async function outletId(db: Db, actorId: string | null, name: string): Promise<string> {
  const existing = await db.outlet.findFirst({ where: { name: { equals: name, mode: "insensitive" } }, select: { id: true } });
  if (existing) return existing.id;
  // ON CONFLICT keeps concurrent imports of a new outlet from failing on the unique name.
  const created = await db.$executeRaw`insert into "Outlet" (name) values (${name}) on conflict (name) do nothing`;
  const row = await db.outlet.findUniqueOrThrow({ where: { name }, select: { id: true } });
  if (created === 1) await db.auditLog.create({ data: { actorId, action: "outlet.create", entity: "Outlet", entityId: row.id, data: { name, via: "import" } } });
  return row.id;
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

  const claims = extractClaims(cleaned.text, { threshold: await threshold(db) });
  const outlet = await outletId(db, actorId, input.outlet);
  const publishedAt = input.publishedAt ? new Date(input.publishedAt) : cleaned.publishedAt;
  try {
    const article = await db.$transaction(async (tx) => {
      const a = await tx.article.create({
        data: {
          outletId: outlet, title: input.title ?? null, url: input.url ?? null, publishedAt, rawText: opts.rawText ?? input.text, text: cleaned.text,
          contentHash: hash, wireCredit: cleaned.wireCredit, importedById: actorId,
        },
        select: { id: true },
      });
      await tx.claim.createMany({
        data: claims.map((c) => ({
          articleId: a.id, text: c.text, start: c.start, end: c.end, prefix: c.prefix, suffix: c.suffix,
          kind: c.kind.toUpperCase() as "STATISTIC", checkworthiness: c.checkworthiness, attribution: c.attribution,
        })),
      });
      await tx.auditLog.create({ data: { actorId, action: "article.import", entity: "Article", entityId: a.id, data: { outlet: input.outlet, claims: claims.length } } });
      return a;
    });
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
