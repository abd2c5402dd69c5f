import { route } from "@/lib/http/route";
import { getDb } from "@/lib/db/client";
import { claimIdSchema } from "@/lib/claims/schema";
import { saveVerdictSchema } from "@/lib/verdicts/schema";
import { saveVerdict } from "@/lib/verdicts/mutations";

// Reviewers and admins; 409 stale_version carries `current`, 422 names the rule that failed.
export const POST = route(
  {
    role: "REVIEWER",
    params: claimIdSchema,
    body: saveVerdictSchema,
    doc: {
      tag: "Claims",
      summary: "Record a verdict",
      description: "Optimistic lock on `version`: 409 stale_version carries `current`; 422 names the verdict rule that failed.",
      success: { status: 200, description: "The claim after the verdict." },
      errors: [409, 422],
    },
  },
  async ({ actor, params, body }) => saveVerdict(getDb(), actor.id, params.id, body),
);
