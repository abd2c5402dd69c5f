import { route } from "@/lib/http/route";
import { getDb } from "@/lib/db/client";
import { claimIdSchema, mergeSchema } from "@/lib/claims/schema";
import { mergeClaim } from "@/lib/claims/mutations";

// {"version", "into", "intoVersion"}: this claim is a duplicate of `into`, which keeps its links.
export const POST = route(
  {
    role: "REVIEWER",
    params: claimIdSchema,
    body: mergeSchema,
    doc: {
      tag: "Curation",
      summary: "Merge a duplicate into another claim of the same article",
      success: { status: 200, description: "The claim kept." },
      errors: [409, 422],
    },
  },
  async ({ actor, params, body }) => mergeClaim(getDb(), actor.id, params.id, body),
);
