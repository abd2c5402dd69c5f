import { route } from "@/lib/http/route";
import { HttpError } from "@/lib/http/errors";
import { getDb } from "@/lib/db/client";
import { claimForApi } from "@/lib/claims/data";
import { presentClaimPage } from "@/lib/claims/present";
import { claimIdSchema, deleteSchema, spanSchema } from "@/lib/claims/schema";
import { adjustClaimSpan, deleteClaim } from "@/lib/claims/mutations";
import { enqueueMatch } from "@/lib/jobs/queue";

export const GET = route(
  {
    role: "REVIEWER",
    params: claimIdSchema,
    doc: { tag: "Claims", summary: "A claim with its confirmed links and stored suggestions", success: { status: 200, description: "The claim page's data." } },
  },
  async ({ params }) => {
    const found = await claimForApi(params.id);
    if (!found) throw new HttpError("not_found", "No claim has that id.");
    return presentClaimPage(found);
  },
);

// Adjust the claim's span: {"version", "start", "end", "snap"?: "sentence" | "exact"}; its text comes from the offsets.
export const PATCH = route(
  {
    role: "REVIEWER",
    params: claimIdSchema,
    body: spanSchema,
    doc: {
      tag: "Curation",
      summary: "Adjust a claim's span",
      description: "Optimistic lock on `version`. The text is always the article's text at the new offsets; matching re-runs.",
      success: { status: 200, description: "The claim's id and new version." },
      errors: [409, 422],
    },
  },
  async ({ actor, params, body }) => adjustClaimSpan(getDb(), actor.id, params.id, body, { enqueue: (id, claimIds) => enqueueMatch(id, undefined, claimIds) }),
);

// Admins remove a junk claim; a reviewed one needs {"force": true, "reason": "…"}.
export const DELETE = route(
  {
    role: "ADMIN",
    params: claimIdSchema,
    body: deleteSchema,
    doc: {
      tag: "Curation",
      summary: "Delete a junk claim",
      description: "A claim with a verdict needs `force` and a `reason`.",
      success: { status: 200, description: "Deleted." },
      errors: [409],
    },
  },
  async ({ actor, params, body }) => deleteClaim(getDb(), actor.id, params.id, body),
);
