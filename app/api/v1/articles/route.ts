import { route, json } from "@/lib/http/route";
import { getDb } from "@/lib/db/client";
import { listArticles } from "@/lib/articles/data";
import { importAndPresent } from "@/lib/articles/import";
import { presentArticle } from "@/lib/articles/present";
import { importArticleSchema, listArticlesQuery } from "@/lib/articles/schema";

export const GET = route({ role: "REVIEWER", query: listArticlesQuery }, async ({ query }) => {
  const { items, nextCursor } = await listArticles(getDb(), query);
  return { items: items.map(({ _count, ...a }) => ({ ...presentArticle(a), claimCount: _count.claims })), nextCursor };
});

export const POST = route({ role: "ADMIN", body: importArticleSchema }, async ({ actor, body }) => {
  const result = await importAndPresent(actor.id, body);
  return json(result, result.duplicate ? 200 : 201);
});
