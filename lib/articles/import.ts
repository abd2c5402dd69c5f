import "server-only";
import { getDb } from "../db/client";
import { enqueueMatch } from "../jobs/queue";
import { importArticle } from "./mutations";
import { getArticle } from "./data";
import { presentArticle, presentClaim } from "./present";
import type { ImportArticleInput } from "./schema";

// What the API and the import form both answer: the article, its claims, and whether it was new.
export async function importAndPresent(actorId: string, input: ImportArticleInput, rawText?: string) {
  const db = getDb();
  const res = await importArticle(db, actorId, input, { enqueue: (id) => enqueueMatch(id), rawText });
  const article = (await getArticle(db, res.articleId))!;
  const { text: _text, claims, ...rest } = article;
  return { article: presentArticle(rest), claims: claims.map(presentClaim), duplicate: res.duplicate };
}
