import { route } from "@/lib/http/route";
import { anyObject } from "@/lib/openapi/spec";
import { getDb } from "@/lib/db/client";
import { HttpError } from "@/lib/http/errors";
import { getArticle } from "@/lib/articles/data";
import { presentArticle, presentClaim } from "@/lib/articles/present";
import { setWireCredit } from "@/lib/articles/wire-credit";
import { updateArticle, deleteArticle } from "@/lib/articles/mutations";
import { updateArticleSchema, articleIdParams } from "@/lib/articles/schema";
import { deleteSchema } from "@/lib/claims/schema";
import { enqueueMatch } from "@/lib/jobs/queue";

export const GET = route(
  {
    role: "REVIEWER",
    params: articleIdParams,
    doc: {
      tag: "Articles",
      summary: "An article with its claims",
      success: {
        status: 200,
        description: "The article and its claims.",
        schema: { type: "object", properties: { article: anyObject, claims: { type: "array", items: anyObject } } },
      },
    },
  },
  async ({ params }) => {
    const article = await getArticle(getDb(), params.id);
    if (!article) throw new HttpError("not_found", "No such article.");
    const { claims, ...rest } = article;
    return { article: presentArticle(rest), claims: claims.map(presentClaim) };
  },
);

// Admins correct an article: a new date or outlet queues it for matching again, and a new wire
// credit re-judges the independence of its links at once.
export const PATCH = route(
  {
    role: "ADMIN",
    params: articleIdParams,
    body: updateArticleSchema,
    doc: {
      tag: "Articles",
      summary: "Correct an article's title, URL, date, outlet or wire credit",
      description:
        "A blank value clears a field. A new date or outlet queues every claim of the article for matching again, against earlier and later articles; a new wire credit recomputes the independence of every link touching the article in the same transaction, and reviewed claims whose confirmed evidence changed are flagged needs re-review.",
      success: { status: 200, description: "The article, the fields changed and whether matching re-runs." },
    },
  },
  async ({ actor, params, body }) => {
    const { wireCredit, ...fields } = body;
    let changed: string[] = [],
      rematch = false,
      independence = null;
    if (Object.values(fields).some((v) => v !== undefined))
      ({ changed, rematch } = await updateArticle(getDb(), actor.id, params.id, fields, { enqueue: (id, claimIds) => enqueueMatch(id, undefined, claimIds) }));
    if (wireCredit !== undefined) {
      const res = await setWireCredit(getDb(), actor.id, params.id, { wireCredit: wireCredit ?? null });
      if (res.changed) changed = [...changed, "wireCredit"];
      independence = res.independence;
    }
    const article = (await getArticle(getDb(), params.id))!;
    const { claims: _claims, ...rest } = article;
    return { article: presentArticle(rest), changed, rematch, independence };
  },
);

// Body (optional): {"force": true, "reason": "…"} to delete an article whose claims have verdicts.
export const DELETE = route(
  {
    role: "ADMIN",
    params: articleIdParams,
    body: deleteSchema,
    doc: {
      tag: "Articles",
      summary: "Delete an article with its claims and links",
      description: "409 when any claim has a verdict, unless `force` with a `reason` (kept in the audit log with the removed history).",
      success: { status: 200, description: "Deleted." },
      errors: [409],
    },
  },
  async ({ actor, params, body }) => deleteArticle(getDb(), actor.id, params.id, body),
);
