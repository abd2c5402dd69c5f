import { route } from "@/lib/http/route";
import { getDb } from "@/lib/db/client";
import { claimIdSchema } from "@/lib/claims/schema";
import { approveClaim, unpublishClaim } from "@/lib/publishing/mutations";
import { approveSchema } from "@/lib/publishing/schema";

// Admins only (the editor's sign-off, docs/decisions/015). POST {"version"} approves the claim's
// current review for /r/{id} and the ClaimReview export: 409 stale, 422 not reviewed, needs
// re-review or breaks a rule. DELETE unpublishes.
export const POST = route(
  {
    role: "ADMIN",
    params: claimIdSchema,
    body: approveSchema,
    doc: {
      tag: "Claims",
      summary: "Approve a reviewed claim for publication",
      description:
        "The editor's sign-off: /r/{id} and the ClaimReview export show the approved review until the next approval. 409 when `version` is stale; 422 when the claim is unreviewed, needs re-review, or its verdict breaks a rule.",
      success: { status: 200, description: "The published snapshot." },
      errors: [409, 422],
    },
  },
  async ({ actor, params, body }) => approveClaim(getDb(), actor.id, params.id, body.version),
);

export const DELETE = route(
  {
    role: "ADMIN",
    params: claimIdSchema,
    doc: { tag: "Claims", summary: "Unpublish a claim", success: { status: 200, description: "Whether anything changed." } },
  },
  async ({ actor, params }) => unpublishClaim(getDb(), actor.id, params.id),
);
