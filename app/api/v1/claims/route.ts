import { route, json } from "@/lib/http/route";
import { list } from "@/lib/openapi/spec";
import { getDb } from "@/lib/db/client";
import { listClaims } from "@/lib/claims/data";
import { presentClaimListItem } from "@/lib/claims/present";
import { addClaimSchema, listClaimsQuery } from "@/lib/claims/schema";
import { addClaim } from "@/lib/claims/mutations";
import { enqueueMatch } from "@/lib/jobs/queue";

export const GET = route(
  {
    role: "REVIEWER",
    query: listClaimsQuery,
    doc: { tag: "Claims", summary: "List claims, most check-worthy first", success: { status: 200, description: "A page of claims.", schema: list() } },
  },
  async ({ query }) => {
    const { items, nextCursor } = await listClaims(getDb(), query);
    return { items: items.map(presentClaimListItem), nextCursor };
  },
);

// A claim the extractor missed: {"articleId", "start", "end", "snap"?: "sentence" | "exact"}.
export const POST = route(
  {
    role: "REVIEWER",
    body: addClaimSchema,
    doc: {
      tag: "Curation",
      summary: "Add a claim from a sentence or a selected span",
      description: "`snap: sentence` (default) widens the span to the sentences it touches. Refused (409) over another claim.",
      success: { status: 201, description: "The new claim's id and text." },
      errors: [409, 422],
    },
  },
  async ({ actor, body }) => json(await addClaim(getDb(), actor.id, body, { enqueue: (id, claimIds) => enqueueMatch(id, undefined, claimIds) }), 201),
);
