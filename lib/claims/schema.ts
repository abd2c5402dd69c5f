import { z } from "zod";
import { lineText } from "../text/schema";

// An empty query parameter (?q=) means the filter is not set.
const blank = (v: unknown) => (v === "" ? undefined : v);

export const claimIdSchema = z.object({ id: z.uuid("Unknown claim.") });

export const CLAIM_STATUSES = ["unreviewed", "corroborated", "single_sourced", "contradicted"] as const;

export const listClaimsQuery = z.object({
  articleId: z.preprocess(blank, z.uuid().optional()),
  status: z.preprocess(
    blank,
    z.enum(CLAIM_STATUSES, { error: "Use unreviewed, corroborated, single_sourced or contradicted." })
      .transform((s) => s.toUpperCase() as "UNREVIEWED" | "CORROBORATED" | "SINGLE_SOURCED" | "CONTRADICTED")
      .optional(),
  ),
  q: z.preprocess(blank, lineText().trim().min(1).max(200).optional()),
  limit: z.preprocess(blank, z.coerce.number().int().min(1).max(100).default(20)),
  cursor: z.preprocess(blank, z.uuid().optional()),
});
export type ListClaimsQuery = z.infer<typeof listClaimsQuery>;
