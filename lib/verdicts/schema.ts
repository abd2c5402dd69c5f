import { z } from "zod";
import { proseText } from "../text/schema";

export const VERDICTS = ["corroborated", "single_sourced", "contradicted"] as const;
export const RELATIONS = ["supports", "contradicts"] as const;

export const relationSchema = z.enum(RELATIONS, { error: "Use supports or contradicts." });
export const linkRefSchema = z.object({ claimId: z.uuid("Not a claim id."), relation: relationSchema });

export const claimVersionSchema = z.number({ error: "Send the version of the claim you reviewed." }).int().positive();

const blankToUndefined = (v: string | undefined) => (v ? v : undefined);

// Shared by the API, the page's server action and the mutation.
export const saveVerdictSchema = z.object({
  verdict: z.enum(VERDICTS, { error: "Choose corroborated, single_sourced or contradicted." }),
  rationale: proseText().trim().max(4000, "Keep the rationale under 4,000 characters.").optional().transform(blankToUndefined),
  links: z
    .array(linkRefSchema)
    .max(50)
    .default([])
    .refine((ls) => new Set(ls.map((l) => l.claimId)).size === ls.length, "List each linked claim once."),
  version: claimVersionSchema,
});
export type SaveVerdictInput = z.input<typeof saveVerdictSchema>;
export type SaveVerdict = z.output<typeof saveVerdictSchema>;

export const historyParams = z.object({ id: z.uuid("Not a claim id.") });
