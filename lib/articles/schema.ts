import { z } from "zod";

export const MAX_TEXT_BYTES = 1_000_000;

const optionalText = (max: number) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), z.string().trim().max(max).optional());

// One schema for the import form, the API and the CLI.
export const importArticleSchema = z.object({
  outlet: z.string().trim().min(1, "Name the outlet.").max(200),
  title: optionalText(500),
  url: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.url({ protocol: /^https?$/, message: "Use an http(s) address." }).max(2000).optional()),
  publishedAt: z.preprocess(
    (v) => (v === "" || v === null ? undefined : v),
    z.union([z.iso.date(), z.iso.datetime({ offset: true })], { error: "Use YYYY-MM-DD or an ISO date-time." }).optional(),
  ),
  text: z.string({ error: "Paste or upload the article text." }).min(1, "The article text is empty."),
});
export type ImportArticleInput = z.infer<typeof importArticleSchema>;

export const listArticlesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.uuid().optional(),
  outletId: z.uuid().optional(),
});

// PATCH /api/v1/articles/{id}: the wire credit ("Reuters", "AP; AFP"), blank to clear. Changing it
// recomputes the independence of the article's links (docs/decisions/014).
export const articleChangeSchema = z.object({
  wireCredit: z.string().trim().max(200, "Keep the wire credit under 200 characters.").nullable().transform((v) => v || null),
});
export type ArticleChange = z.infer<typeof articleChangeSchema>;
