import { route } from "@/lib/http/route";
import { getDb } from "@/lib/db/client";
import { claimIdSchema } from "@/lib/claims/schema";
import { claimEdits } from "@/lib/claims/data";

// The claim's curation history, newest first.
export const GET = route({ role: "REVIEWER", params: claimIdSchema }, async ({ params }) => {
  const items = await claimEdits(getDb(), params.id);
  return { items: items.map((e) => ({ ...e, at: e.at.toISOString() })) };
});
