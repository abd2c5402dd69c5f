import { route } from "@/lib/http/route";
import { HttpError } from "@/lib/http/errors";
import { getDb } from "@/lib/db/client";
import { claimWithLinks } from "@/lib/claims/data";
import { presentClaimPage } from "@/lib/claims/present";
import { claimIdSchema } from "@/lib/claims/schema";

export const GET = route({ role: "REVIEWER", params: claimIdSchema }, async ({ params }) => {
  const found = await claimWithLinks(getDb(), params.id);
  if (!found) throw new HttpError("not_found", "No claim has that id.");
  return presentClaimPage(found);
});
