import { route } from "@/lib/http/route";
import { getDb } from "@/lib/db/client";
import { claimIdSchema, splitSchema } from "@/lib/claims/schema";
import { splitClaim } from "@/lib/claims/mutations";
import { enqueueMatch } from "@/lib/jobs/queue";

// {"version", "at"}: the first part keeps the claim, the second becomes a new one.
export const POST = route(
  {
    role: "REVIEWER",
    params: claimIdSchema,
    body: splitSchema,
    doc: {
      tag: "Curation",
      summary: "Split a claim in two at an offset",
      success: { status: 200, description: "The claim kept and the new claim's id." },
      errors: [409, 422],
    },
  },
  async ({ actor, params, body }) => splitClaim(getDb(), actor.id, params.id, body, { enqueue: (id, claimIds) => enqueueMatch(id, undefined, claimIds) }),
);
