import "server-only";
import { getDb } from "../db/client";
import { enqueueMatch } from "../jobs/queue";
import { importArticle } from "./mutations";
import { importArticleFromUrl } from "./import-url";
import { refetchArticle } from "./versions";
import { getArticle } from "./data";
import { presentArticle, presentClaim } from "./present";
import type { ImportArticleInput, ImportByUrlInput } from "./schema";

async function present(articleId: string, duplicate: boolean) {
  const article = (await getArticle(getDb(), articleId))!;
  const { text: _text, claims, ...rest } = article;
  const out = { article: presentArticle(rest), claims: claims.map(presentClaim), duplicate };
  // A duplicate says what is already there: a second outlet's verbatim copy is not recorded again.
  if (!duplicate) return out;
  const when = article.createdAt.toISOString().slice(0, 10);
  return { ...out, message: `Nothing was imported: this text is already on the desk as ${article.outlet.name}'s article, imported on ${when}.` };
}

// What the API and the import form both answer: the article, its claims, and whether it was new.
export async function importAndPresent(actorId: string, input: ImportArticleInput, rawText?: string) {
  const res = await importArticle(getDb(), actorId, input, { enqueue: (id) => enqueueMatch(id), rawText });
  return present(res.articleId, res.duplicate);
}

// The same answer for an article fetched from its address (docs/decisions/022).
export async function importUrlAndPresent(actorId: string, input: ImportByUrlInput) {
  const res = await importArticleFromUrl(getDb(), { ...input, actorId, enqueue: (id) => enqueueMatch(id) });
  return present(res.articleId, !res.created);
}

// Re-fetch on demand (the article page's button, the API): the new claims are matched alone.
export async function refetchNow(actorId: string, articleId: string) {
  return refetchArticle(getDb(), { articleId, actorId, enqueue: (id, claimIds) => enqueueMatch(id, undefined, claimIds) });
}
