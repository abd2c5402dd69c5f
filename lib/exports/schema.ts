import { z } from "zod";

const blank = (v: unknown) => (v === "" ? undefined : v);

export const REVIEWED_STATUSES = ["corroborated", "single_sourced", "contradicted"] as const;
const upper = <T extends string>(s: T) => s.toUpperCase() as Uppercase<T>;

// GET /api/v1/export/claimreview: every reviewed claim, or those of one verdict and/or one story.
export const claimReviewQuery = z.object({
  status: z.preprocess(blank, z.enum(REVIEWED_STATUSES, { error: "Use corroborated, single_sourced or contradicted." }).transform(upper).optional()),
  story: z.preprocess(blank, z.uuid("Not a story id.").optional()),
});
export type ClaimReviewQuery = z.infer<typeof claimReviewQuery>;

export const CSV_STATUSES = ["unreviewed", ...REVIEWED_STATUSES] as const;

// GET /api/v1/export/claims.csv: every claim, or those of one status.
export const claimsCsvQuery = z.object({
  status: z.preprocess(blank, z.enum(CSV_STATUSES, { error: "Use unreviewed, corroborated, single_sourced or contradicted." }).transform(upper).optional()),
});
export type ClaimsCsvQuery = z.infer<typeof claimsCsvQuery>;

export const publicClaimParams = z.object({ id: z.uuid("Not a claim id.") });

// GET /api/v1/export/annotations.jsonld: the collection, or ?page=N of it.
export const annotationsQuery = z.object({
  page: z.preprocess(blank, z.coerce.number({ error: "Not a page number." }).int().min(1).max(1_000_000).optional()),
});
