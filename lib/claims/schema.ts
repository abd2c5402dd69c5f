import { z } from "zod";
import { lineText } from "../text/schema";

// An empty query parameter (?q=) means the filter is not set.
const blank = (v: unknown) => (v === "" ? undefined : v);

export const claimIdSchema = z.object({ id: z.uuid("Not a claim id.") });

export const CLAIM_STATUSES = ["unreviewed", "corroborated", "single_sourced", "contradicted"] as const;

export const listClaimsQuery = z.object({
  articleId: z.preprocess(blank, z.uuid().optional()),
  status: z.preprocess(
    blank,
    z
      .enum(CLAIM_STATUSES, { error: "Use unreviewed, corroborated, single_sourced or contradicted." })
      .transform((s) => s.toUpperCase() as "UNREVIEWED" | "CORROBORATED" | "SINGLE_SOURCED" | "CONTRADICTED")
      .optional(),
  ),
  q: z.preprocess(blank, lineText().trim().min(1).max(200).optional()),
  limit: z.preprocess(blank, z.coerce.number().int().min(1).max(100).default(20)),
  cursor: z.preprocess(blank, z.uuid().optional()),
});
export type ListClaimsQuery = z.infer<typeof listClaimsQuery>;

// Curation (docs/decisions/016). Every change names the version the reviewer saw.
const version = z.coerce.number().int().min(1);
const offset = z.coerce.number().int().min(0);
export const SET_ASIDE_REASONS = ["opinion", "prediction", "vague", "duplicate"] as const;
export const SET_ASIDE_LABEL: Record<(typeof SET_ASIDE_REASONS)[number], string> = {
  opinion: "Opinion",
  prediction: "Prediction",
  vague: "Too vague",
  duplicate: "Duplicate",
};
const note = z.preprocess((v) => (v === "" || v === null ? undefined : v), z.string().trim().max(500).optional());
// "sentence" widens a selection to the sentences it touches; "exact" keeps it as selected.
const snap = z.enum(["sentence", "exact"]).default("sentence");

export const setAsideSchema = z.object({ version, reason: z.enum(SET_ASIDE_REASONS, { error: "Choose opinion, prediction, vague or duplicate." }), note });
export const restoreSchema = z.object({ version });
export const spanSchema = z
  .object({ version, start: offset, end: offset, snap })
  .refine((s) => s.end > s.start, { message: "The span ends before it starts.", path: ["end"] });
export const splitSchema = z.object({ version, at: offset });
export const mergeSchema = z.object({ version, into: z.uuid("Choose the claim to keep."), intoVersion: version });
export const addClaimSchema = z
  .object({ articleId: z.uuid("Not an article id."), start: offset, end: offset, snap })
  .refine((s) => s.end > s.start, { message: "Select some text first.", path: ["end"] });
// Deleting reviewed claims (or an article with any) needs force and a reason, kept in the audit log.
const flag = z.preprocess((v) => v === true || v === "true" || v === "on" || v === "1", z.boolean());
export const deleteSchema = z.object({ force: flag.default(false), reason: note });
export type SetAsideInput = z.infer<typeof setAsideSchema>;
export type SpanInput = z.infer<typeof spanSchema>;
export type DeleteInput = z.infer<typeof deleteSchema>;
export type AddClaimInput = z.infer<typeof addClaimSchema>;
