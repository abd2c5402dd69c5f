"use server";
import { z } from "zod";
import { action } from "@/lib/http/action";
import { getDb } from "@/lib/db/client";
import { saveVerdictSchema } from "@/lib/verdicts/schema";
import { saveVerdict } from "@/lib/verdicts/mutations";
import { linkTargetSchema, searchPassagesSchema } from "@/lib/links/schema";
import { linkClaim, removeLink } from "@/lib/links/mutations";
import { searchPassages } from "@/lib/links/data";
import { HttpError } from "@/lib/http/errors";

// The page calls these with plain objects; the schemas are the API's.
export const saveVerdictAction = action({ role: "REVIEWER", schema: saveVerdictSchema.extend({ id: z.uuid() }) }, async ({ id, ...input }, actor) => {
  const { claim } = await saveVerdict(getDb(), actor.id, id, input);
  return { status: claim.status, version: claim.version };
});

export const linkAction = action({ role: "REVIEWER", schema: z.object({ id: z.uuid(), target: linkTargetSchema }) }, async ({ id, target }, actor) =>
  linkClaim(getDb(), actor.id, id, target),
);

export const removeLinkAction = action({ role: "REVIEWER", schema: z.object({ id: z.uuid(), otherId: z.uuid() }) }, async ({ id, otherId }, actor) =>
  removeLink(getDb(), actor.id, id, otherId),
);

export const searchPassagesAction = action({ role: "REVIEWER", schema: searchPassagesSchema }, async ({ claimId, q }) => {
  const hits = await searchPassages(getDb(), claimId, q);
  if (!hits) throw new HttpError("not_found", "No claim has that id.");
  return hits;
});
