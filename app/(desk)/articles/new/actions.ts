"use server";
import { z } from "zod";
import { revalidatePath } from "next/cache";
import { action } from "@/lib/http/action";
import { importArticleSchema, importByUrlSchema } from "@/lib/articles/schema";
import { toPlainText } from "@/lib/articles/formats";
import { importAndPresent, importUrlAndPresent } from "@/lib/articles/import";

// The form sends one file (or the pasted text) per call, so a batch shows progress file by file.
const formSchema = importArticleSchema.extend({ format: z.enum(["text", "html", "markdown"]).default("text") });

export const importArticleAction = action({ role: "ADMIN", schema: formSchema }, async ({ format, ...input }, actor) => {
  const plain = toPlainText(input.text, format);
  // The page's own title (og:title, h1, <title>) is read from the raw HTML by the import itself.
  const result = await importAndPresent(actor.id, { ...input, text: plain.text }, input.text);
  revalidatePath("/articles");
  return {
    articleId: result.article.id,
    title: result.article.title,
    outlet: result.article.outlet.name,
    duplicate: result.duplicate,
    claims: result.claims.length,
  };
});

// Import by address: the server fetches the page safely and keeps it as a snapshot (docs/decisions/022).
export const importUrlAction = action({ role: "ADMIN", schema: importByUrlSchema }, async (input, actor) => {
  const result = await importUrlAndPresent(actor.id, input);
  revalidatePath("/articles");
  return {
    articleId: result.article.id,
    title: result.article.title,
    outlet: result.article.outlet.name,
    duplicate: result.duplicate,
    claims: result.claims.length,
  };
});
