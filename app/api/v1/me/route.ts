import { route } from "@/lib/http/route";
import { anyObject } from "@/lib/openapi/spec";

export const GET = route(
  {
    role: "REVIEWER",
    doc: {
      tag: "Account",
      summary: "Who the credentials belong to",
      success: { status: 200, description: "The signed-in user.", schema: { type: "object", properties: { user: anyObject } } },
    },
  },
  async ({ actor }) => ({
    user: { id: actor.id, email: actor.email, name: actor.name, role: actor.role },
  }),
);
