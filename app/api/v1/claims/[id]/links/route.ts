import { route } from "@/lib/http/route";
import { getDb } from "@/lib/db/client";
import { claimIdSchema } from "@/lib/claims/schema";
import { linkTargetSchema } from "@/lib/links/schema";
import { linkClaim } from "@/lib/links/mutations";

// Body: {claimId, relation} for an existing claim, or {articleId, start, end, relation} for a passage.
export const POST = route(
  {
    role: "REVIEWER",
    params: claimIdSchema,
    body: linkTargetSchema,
    doc: {
      tag: "Claims",
      summary: "Link a claim (or a passage of another article) as supporting or contradicting",
      description:
        "`version` is the claim's version the change is made against; a change bumps it (the answer carries the new one). 409 stale_version names who changed what and carries `current`.",
      success: { status: 200, description: "The link change and the claim's new version." },
      errors: [409, 422],
    },
  },
  async ({ actor, params, body }) => linkClaim(getDb(), actor.id, params.id, body),
);
