import { route } from "@/lib/http/route";
import { getDb } from "@/lib/db/client";
import { claimIdSchema, setAsideSchema } from "@/lib/claims/schema";
import { setAsideClaim } from "@/lib/claims/mutations";

// {"version", "reason": "opinion" | "prediction" | "vague" | "duplicate", "note"?}: not checkable.
export const POST = route(
  {
    role: "REVIEWER",
    params: claimIdSchema,
    body: setAsideSchema,
    doc: {
      tag: "Curation",
      summary: "Mark a claim not checkable (opinion, prediction, too vague, duplicate)",
      success: { status: 200, description: "The claim's new version." },
      errors: [409],
    },
  },
  async ({ actor, params, body }) => setAsideClaim(getDb(), actor.id, params.id, body),
);
