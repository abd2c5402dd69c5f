import { route } from "@/lib/http/route";
import { list } from "@/lib/openapi/spec";
import { HttpError } from "@/lib/http/errors";
import { getDb } from "@/lib/db/client";
import { claimIdSchema } from "@/lib/claims/schema";
import { claimHistory, presentHistory } from "@/lib/verdicts/data";

export const GET = route({ role: "REVIEWER", params: claimIdSchema, doc: { tag: "Claims", summary: "The claim's verdict and link history, newest first", success: { status: 200, description: "History items.", schema: list() } } }, async ({ params }) => {
  const db = getDb();
  if (!(await db.claim.findUnique({ where: { id: params.id }, select: { id: true } }))) throw new HttpError("not_found", "No claim has that id.");
  return presentHistory(await claimHistory(db, params.id));
});
