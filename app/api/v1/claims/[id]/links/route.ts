import { route } from "@/lib/http/route";
import { getDb } from "@/lib/db/client";
import { claimIdSchema } from "@/lib/claims/schema";
import { linkTargetSchema } from "@/lib/links/schema";
import { linkClaim } from "@/lib/links/mutations";

// Body: {claimId, relation} for an existing claim, or {articleId, start, end, relation} for a passage.
export const POST = route({ role: "REVIEWER", params: claimIdSchema, body: linkTargetSchema }, async ({ actor, params, body }) =>
  linkClaim(getDb(), actor.id, params.id, body),
);
