import { route, json } from "@/lib/http/route";
import { list } from "@/lib/openapi/spec";
import { getDb } from "@/lib/db/client";
import { listArticles } from "@/lib/articles/data";
import { importAndPresent } from "@/lib/articles/import";
import { presentArticle } from "@/lib/articles/present";
import { importArticleSchema, listArticlesQuery } from "@/lib/articles/schema";

export const GET = route({ role: "REVIEWER", query: listArticlesQuery, doc: { tag: "Articles", summary: "List articles, newest first", success: { status: 200, description: "A page of articles with claim counts.", schema: list() } } }, async ({ query }) => {
  const { items, nextCursor } = await listArticles(getDb(), query);
  return { items: items.map(({ _count, ...a }) => ({ ...presentArticle(a), claimCount: _count.claims })), nextCursor };
});

export const POST = route({ role: "ADMIN", body: importArticleSchema, doc: { tag: "Articles", summary: "Import an article", description: "Cleans the text, extracts claims and queues matching. An identical text answers 200 with duplicate: true.", success: { status: 201, description: "Imported (200 when a duplicate).", schema: { type: "object", properties: { duplicate: { type: "boolean" }, articleId: { type: "string", format: "uuid" } } } } } }, async ({ actor, body }) => {
  const result = await importAndPresent(actor.id, body);
  return json(result, result.duplicate ? 200 : 201);
});
