import { route } from "@/lib/http/route";
import { HttpError } from "@/lib/http/errors";
import { getDb } from "@/lib/db/client";
import { claimWithLinks } from "@/lib/claims/data";
import { presentClaimPage } from "@/lib/claims/present";
import { claimIdSchema, deleteSchema, spanSchema } from "@/lib/claims/schema";
import { adjustClaimSpan, deleteClaim } from "@/lib/claims/mutations";
import { enqueueMatch } from "@/lib/jobs/queue";

export const GET = route({ role: "REVIEWER", params: claimIdSchema }, async ({ params }) => {
  const found = await claimWithLinks(getDb(), params.id);
  if (!found) throw new HttpError("not_found", "No claim has that id.");
  return presentClaimPage(found);
});

// Adjust the claim's span: {"version", "start", "end", "snap"?: "sentence" | "exact"}; its text comes from the offsets.
export const PATCH = route({ role: "REVIEWER", params: claimIdSchema, body: spanSchema }, async ({ actor, params, body }) =>
  adjustClaimSpan(getDb(), actor.id, params.id, body, { enqueue: (id, claimIds) => enqueueMatch(id, undefined, claimIds) }),
);

// Admins remove a junk claim; a reviewed one needs {"force": true, "reason": "…"}.
export const DELETE = route({ role: "ADMIN", params: claimIdSchema, body: deleteSchema }, async ({ actor, params, body }) => deleteClaim(getDb(), actor.id, params.id, body));
