import { z } from "zod";
import { lineText } from "../text/schema";
import { claimVersionSchema, relationSchema } from "../verdicts/schema";

// A link goes to an existing claim, or to a passage of another article (which then becomes a claim).
// `version` is the claim's version the reviewer saw: a change against an older one is refused (409).
export const linkClaimTarget = z.object({ claimId: z.uuid("Not a claim id."), relation: relationSchema, version: claimVersionSchema });
export const linkPassageTarget = z
  .object({
    articleId: z.uuid("Not an article id."),
    start: z.int().min(0),
    end: z.int().positive(),
    relation: relationSchema,
    version: claimVersionSchema,
  })
  .refine((p) => p.end > p.start && p.end - p.start <= 2000, { message: "Choose a passage of 1 to 2,000 characters.", path: ["end"] });
export const linkTargetSchema = z.union([linkClaimTarget, linkPassageTarget]);
export type LinkTarget = z.infer<typeof linkTargetSchema>;

export const linkParams = z.object({ id: z.uuid("Not a claim id."), otherId: z.uuid("Not a claim id.") });
// DELETE /api/v1/claims/{id}/links/{otherId}?version=N
export const unlinkQuery = z.object({ version: z.preprocess((v) => (v === undefined || v === "" ? undefined : Number(v)), claimVersionSchema) });

export const searchPassagesSchema = z.object({
  claimId: z.uuid("Not a claim id."),
  q: lineText().trim().min(2, "Type at least two letters.").max(200),
});
