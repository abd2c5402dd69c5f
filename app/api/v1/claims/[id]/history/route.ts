import { route } from "@/lib/http/route";
import { HttpError } from "@/lib/http/errors";
import { getDb } from "@/lib/db/client";
import { claimIdSchema } from "@/lib/claims/schema";
import { claimHistory, presentHistory } from "@/lib/verdicts/data";

export const GET = route({ role: "REVIEWER", params: claimIdSchema }, async ({ params }) => {
  const db = getDb();
  if (!(await db.claim.findUnique({ where: { id: params.id }, select: { id: true } }))) throw new HttpError("not_found", "No claim has that id.");
  return presentHistory(await claimHistory(db, params.id));
});
