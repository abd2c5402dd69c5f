import { z } from "zod";
import { route } from "@/lib/http/route";
import { getDb } from "@/lib/db/client";
import { HttpError } from "@/lib/http/errors";
import { getArticle } from "@/lib/articles/data";
import { presentArticle, presentClaim } from "@/lib/articles/present";
import { articleChangeSchema } from "@/lib/articles/schema";
import { setWireCredit } from "@/lib/articles/wire-credit";

const params = z.object({ id: z.uuid("Not an article id.") });

export const GET = route({ role: "REVIEWER", params }, async ({ params }) => {
  const article = await getArticle(getDb(), params.id);
  if (!article) throw new HttpError("not_found", "No such article.");
  const { claims, ...rest } = article;
  return { article: presentArticle(rest), claims: claims.map(presentClaim) };
});

// Admins correct the wire credit; the article's links are re-judged for independence at once.
export const PATCH = route({ role: "ADMIN", params, body: articleChangeSchema }, async ({ actor, params, body }) =>
  setWireCredit(getDb(), actor.id, params.id, body),
);
