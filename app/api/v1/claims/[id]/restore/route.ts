import { route } from "@/lib/http/route";
import { getDb } from "@/lib/db/client";
import { claimIdSchema, restoreSchema } from "@/lib/claims/schema";
import { restoreClaim } from "@/lib/claims/mutations";

// {"version"}: a claim set aside returns to the queue.
export const POST = route(
  {
    role: "REVIEWER",
    params: claimIdSchema,
    body: restoreSchema,
    doc: {
      tag: "Curation",
      summary: "Return a set-aside claim to the queue",
      success: { status: 200, description: "The claim's new version." },
      errors: [409],
    },
  },
  async ({ actor, params, body }) => restoreClaim(getDb(), actor.id, params.id, body),
);
