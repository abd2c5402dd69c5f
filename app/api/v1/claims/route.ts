import { route } from "@/lib/http/route";
import { getDb } from "@/lib/db/client";
import { listClaims } from "@/lib/claims/data";
import { presentClaimListItem } from "@/lib/claims/present";
import { listClaimsQuery } from "@/lib/claims/schema";

export const GET = route({ role: "REVIEWER", query: listClaimsQuery }, async ({ query }) => {
  const { items, nextCursor } = await listClaims(getDb(), query);
  return { items: items.map(presentClaimListItem), nextCursor };
});
