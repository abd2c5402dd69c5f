import { route, json } from "@/lib/http/route";
import { getDb } from "@/lib/db/client";
import { listArticles } from "@/lib/articles/data";
import { importAndPresent, importUrlAndPresent } from "@/lib/articles/import";
import { presentArticle } from "@/lib/articles/present";
import { importRequestSchema, listArticlesQuery } from "@/lib/articles/schema";

export const GET = route({ role: "REVIEWER", query: listArticlesQuery }, async ({ query }) => {
  const { items, nextCursor } = await listArticles(getDb(), query);
  return { items: items.map(({ _count, ...a }) => ({ ...presentArticle(a), claimCount: _count.claims })), nextCursor };
});

// A body with text imports it; a body with a url and no text has the server fetch the page.
export const POST = route({ role: "ADMIN", body: importRequestSchema }, async ({ actor, body }) => {
  const { kind, ...input } = body;
  const result = kind === "url" ? await importUrlAndPresent(actor.id, input as Parameters<typeof importUrlAndPresent>[1]) : await importAndPresent(actor.id, input as Parameters<typeof importAndPresent>[1]);
  return json(result, result.duplicate ? 200 : 201);
});
