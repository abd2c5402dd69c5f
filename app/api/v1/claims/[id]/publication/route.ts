import { route } from "@/lib/http/route";
import { getDb } from "@/lib/db/client";
import { claimIdSchema } from "@/lib/claims/schema";
import { approveClaim, unpublishClaim } from "@/lib/publishing/mutations";
import { approveSchema } from "@/lib/publishing/schema";

// Admins only (the editor's sign-off, docs/decisions/015). POST {"version"} approves the claim's
// current review for /r/{id} and the ClaimReview export: 409 stale, 422 not reviewed, needs
// re-review or breaks a rule. DELETE unpublishes.
export const POST = route({ role: "ADMIN", params: claimIdSchema, body: approveSchema }, async ({ actor, params, body }) =>
  approveClaim(getDb(), actor.id, params.id, body.version),
);

export const DELETE = route({ role: "ADMIN", params: claimIdSchema }, async ({ actor, params }) =>
  unpublishClaim(getDb(), actor.id, params.id),
);
