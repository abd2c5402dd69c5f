import { z } from "zod";
import { lineText, proseText, nameText } from "../text/schema";

// The path parameter of /api/v1/articles/{id} and the routes under it.
export const articleIdParams = z.object({ id: z.uuid("Not an article id.") });

export const MAX_TEXT_BYTES = 1_000_000;

const optionalText = (max: number) => z.preprocess((v) => (v === "" || v === null ? undefined : v), lineText().trim().max(max).optional());

// One schema for the import form, the API and the CLI.
/**
 * A publication date: YYYY-MM-DD, or an ISO date-time with or without its offset. A date-time with
 * no offset ("2025-03-12T08:00:00") is read as UTC, like a bare date, never as the server's zone.
 */
function publishedAtField() {
  return z
    .union([z.iso.date(), z.iso.datetime({ offset: true, local: true })], { error: "Use YYYY-MM-DD or an ISO date-time (UTC unless it gives an offset)." })
    .transform((v) => (/T[\d:.]+$/.test(v) ? `${v}Z` : v));
}

export const importArticleSchema = z.object({
  // Optional: an HTML page's site name or address can name a known outlet (lib/articles/metadata).
  outlet: z.preprocess((v) => (v === "" || v === null ? undefined : v), nameText(lineText().trim().min(1, "Name the outlet.").max(200)).optional()),
  title: optionalText(500),
  url: z.preprocess(
    (v) => (v === "" || v === null ? undefined : v),
    z
      .url({ protocol: /^https?$/, message: "Use an http(s) address." })
      .max(2000)
      .optional(),
  ),
  publishedAt: z.preprocess((v) => (v === "" || v === null ? undefined : v), publishedAtField().optional()),
  text: proseText({ error: "Paste or upload the article text." }).min(1, "The article text is empty."),
});
export type ImportArticleInput = z.infer<typeof importArticleSchema>;

const httpUrl = z.url({ protocol: /^https?$/, message: "Use an http(s) address." }).max(2000);

// Import by address (docs/decisions/022): the server fetches the page; no text is sent.
export const importByUrlSchema = z.object({
  url: httpUrl,
  outlet: importArticleSchema.shape.outlet,
  title: importArticleSchema.shape.title,
  publishedAt: importArticleSchema.shape.publishedAt,
});
export type ImportByUrlInput = z.infer<typeof importByUrlSchema>;

const urlOnly = (v: unknown) =>
  typeof v === "object" && v !== null && "url" in v && (!("text" in v) || (v as { text: unknown }).text === "" || (v as { text: unknown }).text == null);

// POST /api/v1/articles: a body with a url and no text is fetched; anything else is a text import.
// Dispatched by hand rather than a zod union, so each kind of body gets its own field messages.
export const importRequestSchema = z.looseObject({}).transform((v, ctx) => {
  const r = urlOnly(v) ? importByUrlSchema.safeParse(v) : importArticleSchema.safeParse(v);
  if (r.success) return urlOnly(v) ? { kind: "url" as const, ...(r.data as ImportByUrlInput) } : { kind: "text" as const, ...(r.data as ImportArticleInput) };
  for (const issue of r.error.issues) ctx.addIssue({ ...issue } as Parameters<typeof ctx.addIssue>[0]);
  return z.NEVER;
});
// What the OpenAPI document shows for the same body.
export const importRequestDoc = z.union([importArticleSchema, importByUrlSchema]);

export const listArticlesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.uuid().optional(),
  outletId: z.uuid().optional(),
});

// PATCH /api/v1/articles/{id}: the wire credit ("Reuters", "AP; AFP"), blank to clear. Changing it
// recomputes the independence of the article's links (docs/decisions/014).
export const articleChangeSchema = z.object({
  wireCredit: z
    .string()
    .trim()
    .max(200, "Keep the wire credit under 200 characters.")
    .nullable()
    .transform((v) => v || null),
});
export type ArticleChange = z.infer<typeof articleChangeSchema>;

// A blank field clears it; a missing one leaves it as it is.
const clearable = <T extends z.ZodType>(inner: T) => z.preprocess((v) => (v === "" ? null : v), inner.nullable().optional());

// PATCH /api/v1/articles/{id} and the article page's edit form.
export const updateArticleFields = z.object({
  title: clearable(z.string().trim().min(1).max(500)),
  url: clearable(z.url({ protocol: /^https?$/, message: "Use an http(s) address." }).max(2000)),
  publishedAt: clearable(publishedAtField()),
  outlet: z.string().trim().min(1, "Name the outlet.").max(200).optional(),
  // The wire credit ("Reuters", "AP; AFP"): changing it recomputes the independence of the article's links.
  wireCredit: clearable(z.string().trim().max(200, "Keep the wire credit under 200 characters.")),
});
export const someChange = (v: Record<string, unknown>) => Object.entries(v).some(([k, x]) => k !== "id" && x !== undefined);
export const updateArticleSchema = updateArticleFields.refine(someChange, { message: "Change at least one of title, url, publishedAt, outlet or wireCredit." });
export type UpdateArticleInput = z.infer<typeof updateArticleSchema>;
