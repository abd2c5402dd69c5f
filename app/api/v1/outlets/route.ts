import { route, json } from "@/lib/http/route";
import { getDb } from "@/lib/db/client";
import { listOutlets } from "@/lib/outlets/data";
import { createOutlet } from "@/lib/outlets/mutations";
import { createOutletSchema } from "@/lib/outlets/schema";

// Any signed-in user may read outlets: reviewers need them to judge where a claim comes from.
export const GET = route({ role: "REVIEWER" }, async () => ({ items: await listOutlets(getDb()) }));

export const POST = route({ role: "ADMIN", body: createOutletSchema }, async ({ actor, body }) => {
  const outlet = await createOutlet(getDb(), actor.id, body);
  return json({ outlet }, 201);
});
