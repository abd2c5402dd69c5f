import { route, json } from "@/lib/http/route";
import { list } from "@/lib/openapi/spec";
import { getDb } from "@/lib/db/client";
import { listArticles } from "@/lib/articles/data";
import { importAndPresent, importUrlAndPresent } from "@/lib/articles/import";
import { presentArticle } from "@/lib/articles/present";
import { importRequestDoc, importRequestSchema, listArticlesQuery } from "@/lib/articles/schema";

export const GET = route(
  {
    role: "REVIEWER",
    query: listArticlesQuery,
    doc: {
      tag: "Articles",
      summary: "List articles, newest first",
      success: { status: 200, description: "A page of articles with claim counts.", schema: list() },
    },
  },
  async ({ query }) => {
    const { items, nextCursor } = await listArticles(getDb(), query);
    return { items: items.map(({ _count, ...a }) => ({ ...presentArticle(a), claimCount: _count.claims })), nextCursor };
  },
);

// A body with text imports it; a body with a url and no text has the server fetch the page.
export const POST = route(
  {
    role: "ADMIN",
    body: importRequestSchema,
    doc: {
      tag: "Articles",
      summary: "Import an article, from its text or its address",
      requestBody: importRequestDoc,
      description:
        "With `text`: cleans it, extracts claims and queues matching. With a `url` and no `text`: the server fetches the page (http(s) only, no private addresses, at most 3 redirects, HTML only, 5 MB), keeps it as a snapshot and imports the article Readability finds in it; 422 with `reason` (`unreachable`, `timeout`, `too_large`, `not_html`, `private_address`, `too_many_redirects`, `http_error`, `no_text`) when it cannot, storing nothing. An identical text or an address already imported answers 200 with duplicate: true, the article already on the desk, and a message saying so (nothing is recorded for the second outlet).",
      success: {
        status: 201,
        description: "Imported (200 when a duplicate).",
        schema: {
          type: "object",
          properties: {
            duplicate: { type: "boolean" },
            message: { type: "string" },
            article: { type: "object" },
            claims: { type: "array", items: { type: "object" } },
          },
        },
      },
    },
  },
  async ({ actor, body }) => {
    const { kind, ...input } = body;
    const result =
      kind === "url"
        ? await importUrlAndPresent(actor.id, input as Parameters<typeof importUrlAndPresent>[1])
        : await importAndPresent(actor.id, input as Parameters<typeof importAndPresent>[1]);
    return json(result, result.duplicate ? 200 : 201);
  },
);
