"use server";
import { z } from "zod";
import { revalidatePath } from "next/cache";
import { action } from "@/lib/http/action";
import { getDb } from "@/lib/db/client";
import { enqueueMatch } from "@/lib/jobs/queue";
import { refetchNow } from "@/lib/articles/import";
import { deleteArticle, updateArticle } from "@/lib/articles/mutations";
import { someChange, updateArticleFields } from "@/lib/articles/schema";
import { addClaim, adjustClaimSpan, deleteClaim, mergeClaim, restoreClaim, setAsideClaim, splitClaim } from "@/lib/claims/mutations";
import { addClaimSchema, deleteSchema, mergeSchema, restoreSchema, setAsideSchema, spanSchema, splitSchema } from "@/lib/claims/schema";

// The article page is where articles are corrected and claims curated. Every action goes through
// the one wrapper (session, role, zod) and the same mutations as the API.

const id = z.object({ id: z.uuid("Unknown item.") });
const articleId = z.object({ articleId: z.uuid("Unknown article.") });
const enqueue = (a: string, claimIds?: string[]) => enqueueMatch(a, undefined, claimIds);
const done = (article: string) => revalidatePath(`/articles/${article}`);

export const updateArticleAction = action({ role: "ADMIN", schema: updateArticleFields.extend(id.shape).refine(someChange, { message: "Change something first." }) }, async ({ id, ...input }, actor) => {
  const res = await updateArticle(getDb(), actor.id, id, input, { enqueue });
  done(id);
  revalidatePath("/articles");
  return res;
});

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

export const adjustSpanAction = action({ role: "REVIEWER", schema: z.intersection(spanSchema, id.extend(articleId.shape)) }, async ({ id, articleId, ...input }, actor) => {
  const res = await adjustClaimSpan(getDb(), actor.id, id, input, { enqueue });
  done(articleId);
  return res;
});

export const splitClaimAction = action({ role: "REVIEWER", schema: splitSchema.extend(id.shape).extend(articleId.shape) }, async ({ id, articleId, ...input }, actor) => {
  const res = await splitClaim(getDb(), actor.id, id, input, { enqueue });
  done(articleId);
  return res;
});

export const mergeClaimAction = action({ role: "REVIEWER", schema: mergeSchema.extend(id.shape).extend(articleId.shape) }, async ({ id, articleId, ...input }, actor) => {
  const res = await mergeClaim(getDb(), actor.id, id, input);
  done(articleId);
  return res;
});

export const setAsideAction = action({ role: "REVIEWER", schema: setAsideSchema.extend(id.shape).extend(articleId.shape) }, async ({ id, articleId, ...input }, actor) => {
  const res = await setAsideClaim(getDb(), actor.id, id, input);
  done(articleId);
  return res;
});

export const restoreAction = action({ role: "REVIEWER", schema: restoreSchema.extend(id.shape).extend(articleId.shape) }, async ({ id, articleId, ...input }, actor) => {
  const res = await restoreClaim(getDb(), actor.id, id, input);
  done(articleId);
  return res;
});

export const deleteClaimAction = action({ role: "ADMIN", schema: deleteSchema.extend(id.shape).extend(articleId.shape) }, async ({ id, articleId, ...input }, actor) => {
  const res = await deleteClaim(getDb(), actor.id, id, input);
  done(articleId);
  return res;
});
