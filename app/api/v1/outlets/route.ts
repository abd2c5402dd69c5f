import { route, json } from "@/lib/http/route";
import { anyObject, list } from "@/lib/openapi/spec";
import { getDb } from "@/lib/db/client";
import { listOutlets } from "@/lib/outlets/data";
import { createOutlet } from "@/lib/outlets/mutations";
import { createOutletSchema } from "@/lib/outlets/schema";

// Any signed-in user may read outlets: reviewers need them to judge where a claim comes from.
export const GET = route(
  { role: "REVIEWER", doc: { tag: "Outlets", summary: "List outlets", success: { status: 200, description: "All outlets.", schema: list() } } },
  async () => ({ items: await listOutlets(getDb()) }),
);

export const POST = route(
  {
    role: "ADMIN",
    body: createOutletSchema,
    doc: {
      tag: "Outlets",
      summary: "Create an outlet",
      success: { status: 201, description: "The outlet.", schema: { type: "object", properties: { outlet: anyObject } } },
      errors: [409],
    },
  },
  async ({ actor, body }) => {
    const outlet = await createOutlet(getDb(), actor.id, body);
    return json({ outlet }, 201);
  },
);
