"use server";
import { z } from "zod";
import { revalidatePath } from "next/cache";
import { action } from "@/lib/http/action";
import { getDb, type Db } from "@/lib/db/client";
import type { Role } from "@/lib/auth/actor";
import { enqueueMatch } from "@/lib/jobs/queue";
import { refetchNow } from "@/lib/articles/import";
import { deleteArticle, updateArticle } from "@/lib/articles/mutations";
import { someChange, updateArticleFields } from "@/lib/articles/schema";
import { addClaim, adjustClaimSpan, deleteClaim, mergeClaim, restoreClaim, setAsideClaim, splitClaim } from "@/lib/claims/mutations";
import { addClaimSchema, deleteSchema, mergeSchema, restoreSchema, setAsideSchema, spanSchema, splitSchema } from "@/lib/claims/schema";

// The article page is where articles are corrected and claims curated. Every action goes through
// the one wrapper (session, role, zod) and the same mutations as the API.

const id = z.object({ id: z.uuid("Not an id.") });
const articleId = z.object({ articleId: z.uuid("Not an article id.") });
const enqueue = (a: string, claimIds?: string[]) => enqueueMatch(a, undefined, claimIds);
const done = (article: string) => revalidatePath(`/articles/${article}`);

// A claim tool of the article page: the tool's own fields plus the claim and its article, one
// mutation, then the article page is drawn again.
function claimTool<S extends z.ZodType<object>, T>(role: Role, schema: S, change: (db: Db, actorId: string, id: string, input: z.infer<S>) => Promise<T>) {
  return action({ role, schema: z.intersection(schema, id.extend(articleId.shape)) }, async ({ id, articleId, ...input }, actor) => {
    const res = await change(getDb(), actor.id, id, input as z.infer<S>);
    done(articleId);
    return res;
  });
}

export const updateArticleAction = action(
  { role: "ADMIN", schema: updateArticleFields.extend(id.shape).refine(someChange, { message: "Change something first." }) },
  async ({ id, ...input }, actor) => {
    const res = await updateArticle(getDb(), actor.id, id, input, { enqueue });
    done(id);
    revalidatePath("/articles");
    return res;
  },
);

// Fetch the article's address again: changed text becomes a new version (docs/decisions/023).
export const refetchArticleAction = action({ role: "ADMIN", schema: id }, async ({ id }, actor) => {
  const res = await refetchNow(actor.id, id);
  done(id);
  return { changed: res.changed, version: res.version, flagged: res.flagged.length, added: res.added.length };
});

export const deleteArticleAction = action({ role: "ADMIN", schema: deleteSchema.extend(id.shape) }, async ({ id, ...input }, actor) => {
  const res = await deleteArticle(getDb(), actor.id, id, input);
  revalidatePath("/articles");
  // The form navigates to /articles: a redirect thrown here would be caught by the wrapper as an error.
  return res;
});

export const addClaimAction = action({ role: "REVIEWER", schema: addClaimSchema }, async (input, actor) => {
  const res = await addClaim(getDb(), actor.id, input, { enqueue });
  done(input.articleId);
  return res;
});

export const adjustSpanAction = claimTool("REVIEWER", spanSchema, (db, actorId, id, input) => adjustClaimSpan(db, actorId, id, input, { enqueue }));
export const splitClaimAction = claimTool("REVIEWER", splitSchema, (db, actorId, id, input) => splitClaim(db, actorId, id, input, { enqueue }));
export const mergeClaimAction = claimTool("REVIEWER", mergeSchema, mergeClaim);
export const setAsideAction = claimTool("REVIEWER", setAsideSchema, setAsideClaim);
export const restoreAction = claimTool("REVIEWER", restoreSchema, restoreClaim);
export const deleteClaimAction = claimTool("ADMIN", deleteSchema, deleteClaim);
