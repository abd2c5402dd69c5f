import { route, json } from "@/lib/http/route";
import { getDb } from "@/lib/db/client";
import { listClaims } from "@/lib/claims/data";
import { presentClaimListItem } from "@/lib/claims/present";
import { addClaimSchema, listClaimsQuery } from "@/lib/claims/schema";
import { addClaim } from "@/lib/claims/mutations";
import { enqueueMatch } from "@/lib/jobs/queue";

export const GET = route({ role: "REVIEWER", query: listClaimsQuery }, async ({ query }) => {
  const { items, nextCursor } = await listClaims(getDb(), query);
  return { items: items.map(presentClaimListItem), nextCursor };
});

// A claim the extractor missed: {"articleId", "start", "end", "snap"?: "sentence" | "exact"}.
export const POST = route({ role: "REVIEWER", body: addClaimSchema }, async ({ actor, body }) =>
  json(await addClaim(getDb(), actor.id, body, { enqueue: (id, claimIds) => enqueueMatch(id, undefined, claimIds) }), 201),
);
