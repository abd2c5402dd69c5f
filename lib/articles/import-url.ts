import "server-only";
import type { Db } from "../db/client";
import { DomainError } from "../errors";
import { safeFetch, FetchError, type SafeFetchOptions, type SafeFetchResult } from "../fetch/safe-fetch";
import { htmlToText } from "./formats";
import { importArticle, type FetchedSource } from "./mutations";
import { importArticleSchema, MAX_TEXT_BYTES } from "./schema";

export type UrlImportResult = { articleId: string; created: boolean; versionCreated?: boolean };
export type UrlImportOptions = {
  url: string;
  actorId: string | null;
  outletId?: string;
  /** An outlet by name (the import form and the API take names); outletId wins. */
  outlet?: string;
  title?: string;
  publishedAt?: string;
  enqueue?: (articleId: string) => Promise<unknown>;
  /** Tests: the fetcher's resolver and allow-list. */
  fetchOptions?: Pick<SafeFetchOptions, "resolver" | "allowHosts" | "timeoutMs" | "maxBytes">;
};

/** The article already imported from this address (as asked, or as it was redirected to). */
export async function articleForUrl(db: Db, ...urls: string[]) {
  const list = [...new Set(urls)];
  const a = await db.article.findFirst({
    where: { OR: [{ fetchUrl: { in: list } }, { url: { in: list } }, { snapshots: { some: { requestedUrl: { in: list } } } }] },
    select: { id: true },
    orderBy: { createdAt: "asc" },
  });
  return a?.id ?? null;
}

/** A fetch failure as the desk answers it: 422 with the fetcher's code as `reason`. */
export function fetchProblem(e: FetchError): DomainError {
  const status = e.detail.status ? ` (${e.detail.status})` : "";
  return new DomainError(e.code === "scheme" ? "bad_input" : "rule", `${e.message}${status && !e.message.includes(String(e.detail.status)) ? status : ""}`, {
    reason: e.code,
  });
}

export async function fetchPage(url: string, opts: UrlImportOptions["fetchOptions"] & { headers?: Record<string, string> } = {}): Promise<SafeFetchResult> {
  try {
    return await safeFetch(url, { accept: "html", ...opts });
  } catch (e) {
    throw e instanceof FetchError ? fetchProblem(e) : e;
  }
}

/** Readability's article text of a page, refused when nothing article-like is in it. */
export function articleText(html: string): { text: string; title: string | null } {
  const { text, title } = htmlToText(html);
  if (text.replace(/\s+/g, " ").trim().length < 40) throw new DomainError("rule", "No article text was found on that page.", { reason: "no_text" });
  if (Buffer.byteLength(text) > MAX_TEXT_BYTES) throw new DomainError("rule", "The article text on that page is over 1 MB.", { reason: "too_large" });
  return { text, title };
}

export function fetchedSource(requestedUrl: string, res: SafeFetchResult, fetchedAt = new Date()): FetchedSource {
  return {
    requestedUrl,
    finalUrl: res.finalUrl,
    status: res.status,
    contentType: res.headers["content-type"] ?? null,
    etag: res.headers.etag ?? null,
    lastModified: res.headers["last-modified"] ?? null,
    html: res.body,
    bytes: res.bytes,
    fetchedAt,
  };
}

/**
 * Imports an article from its address (docs/decisions/022): fetch safely, keep the raw page as an
 * immutable snapshot, extract with Readability and the metadata rules, then the one import path
 * (claims, matching). An address or a text the desk already has answers with that article; a
 * failure stores nothing.
 */
export async function importArticleFromUrl(db: Db, opts: UrlImportOptions): Promise<UrlImportResult> {
  const known = await articleForUrl(db, opts.url);
  if (known) return { articleId: known, created: false };
  const res = await fetchPage(opts.url, opts.fetchOptions);
  const redirected = res.finalUrl !== opts.url ? await articleForUrl(db, res.finalUrl) : null;
  if (redirected) return { articleId: redirected, created: false };
  const { text } = articleText(res.body);
  const outlet = opts.outletId ? (await db.outlet.findUnique({ where: { id: opts.outletId }, select: { name: true } }))?.name : opts.outlet;
  if (opts.outletId && !outlet) throw new DomainError("not_found", "No such outlet.");
  const input = importArticleSchema.parse({ outlet, title: opts.title, publishedAt: opts.publishedAt, text });
  const out = await importArticle(db, opts.actorId, input, { enqueue: opts.enqueue, rawText: text, fetched: fetchedSource(opts.url, res) });
  return { articleId: out.articleId, created: !out.duplicate };
}
