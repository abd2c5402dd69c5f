"use server";
import { z } from "zod";
import { action } from "@/lib/http/action";
import { getDb } from "@/lib/db/client";
import { claimVersionSchema, saveVerdictSchema } from "@/lib/verdicts/schema";
import { saveVerdict } from "@/lib/verdicts/mutations";
import { linkTargetSchema, searchPassagesSchema } from "@/lib/links/schema";
import { linkClaim, removeLink } from "@/lib/links/mutations";
import { searchPassages } from "@/lib/links/data";
import { approveClaim, unpublishClaim } from "@/lib/publishing/mutations";
import { approveSchema } from "@/lib/publishing/schema";
import { HttpError } from "@/lib/http/errors";

// The page calls these with plain objects; the schemas are the API's.
export const saveVerdictAction = action({ role: "REVIEWER", schema: saveVerdictSchema.extend({ id: z.uuid() }) }, async ({ id, ...input }, actor) => {
  const { claim } = await saveVerdict(getDb(), actor.id, id, input);
  return { status: claim.status, version: claim.version };
});

export const linkAction = action({ role: "REVIEWER", schema: z.object({ id: z.uuid(), target: linkTargetSchema }) }, async ({ id, target }, actor) =>
  linkClaim(getDb(), actor.id, id, target),
);

export const removeLinkAction = action(
  { role: "REVIEWER", schema: z.object({ id: z.uuid(), otherId: z.uuid(), version: claimVersionSchema }) },
  async ({ id, otherId, version }, actor) => removeLink(getDb(), actor.id, id, otherId, version),
);

export const searchPassagesAction = action({ role: "REVIEWER", schema: searchPassagesSchema }, async ({ claimId, q }) => {
  const hits = await searchPassages(getDb(), claimId, q);
  if (!hits) throw new HttpError("not_found", "No claim has that id.");
  return hits;
});

// Publishing is an admin's (the editor's) step: docs/decisions/015.
export const approveClaimAction = action({ role: "ADMIN", schema: approveSchema.extend({ id: z.uuid() }) }, async ({ id, version }, actor) => {
  const { published } = await approveClaim(getDb(), actor.id, id, version);
  return { approvedAt: published.approvedAt };
});

export const unpublishClaimAction = action({ role: "ADMIN", schema: z.object({ id: z.uuid() }) }, async ({ id }, actor) =>
  unpublishClaim(getDb(), actor.id, id),
);
