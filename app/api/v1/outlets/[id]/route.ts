import { route } from "@/lib/http/route";
import { getDb } from "@/lib/db/client";
import { updateOutlet } from "@/lib/outlets/mutations";
import { outletChangeSchema, outletIdSchema } from "@/lib/outlets/schema";

export const PATCH = route({ role: "ADMIN", params: outletIdSchema, body: outletChangeSchema }, async ({ actor, params, body }) => {
  const outlet = await updateOutlet(getDb(), actor.id, { ...body, id: params.id });
  return { outlet };
});
