import { z } from "zod";
import { route } from "@/lib/http/route";
import { getDb } from "@/lib/db/client";
import { HttpError } from "@/lib/http/errors";
import { getArticle } from "@/lib/articles/data";
import { presentArticle, presentClaim } from "@/lib/articles/present";
import { updateArticle, deleteArticle } from "@/lib/articles/mutations";
import { updateArticleSchema } from "@/lib/articles/schema";
import { deleteSchema } from "@/lib/claims/schema";
import { enqueueMatch } from "@/lib/jobs/queue";

const params = z.object({ id: z.uuid("Not an article id.") });

export const GET = route({ role: "REVIEWER", params }, async ({ params }) => {
  const article = await getArticle(getDb(), params.id);
  if (!article) throw new HttpError("not_found", "No such article.");
  const { claims, ...rest } = article;
  return { article: presentArticle(rest), claims: claims.map(presentClaim) };
});

// Admins correct an article; a new date or outlet queues it for matching again.
export const PATCH = route({ role: "ADMIN", params, body: updateArticleSchema }, async ({ actor, params, body }) => {
  const res = await updateArticle(getDb(), actor.id, params.id, body, { enqueue: (id) => enqueueMatch(id) });
  const article = (await getArticle(getDb(), params.id))!;
  const { claims: _claims, ...rest } = article;
  return { article: presentArticle(rest), changed: res.changed, rematch: res.rematch };
});

// Body (optional): {"force": true, "reason": "…"} to delete an article whose claims have verdicts.
export const DELETE = route({ role: "ADMIN", params, body: deleteSchema }, async ({ actor, params, body }) => deleteArticle(getDb(), actor.id, params.id, body));
