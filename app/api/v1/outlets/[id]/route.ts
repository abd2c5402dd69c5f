import { route } from "@/lib/http/route";
import { anyObject } from "@/lib/openapi/spec";
import { getDb } from "@/lib/db/client";
import { updateOutlet } from "@/lib/outlets/mutations";
import { outletChangeSchema, outletIdSchema } from "@/lib/outlets/schema";

export const PATCH = route(
  {
    role: "ADMIN",
    params: outletIdSchema,
    body: outletChangeSchema,
    doc: {
      tag: "Outlets",
      summary: "Change an outlet",
      success: { status: 200, description: "The outlet.", schema: { type: "object", properties: { outlet: anyObject } } },
      errors: [409],
    },
  },
  async ({ actor, params, body }) => {
    const outlet = await updateOutlet(getDb(), actor.id, { ...body, id: params.id });
    return { outlet };
  },
);
