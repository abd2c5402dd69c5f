import { route, json } from "@/lib/http/route";
import { list } from "@/lib/openapi/spec";
import { getDb } from "@/lib/db/client";
import { listUsers } from "@/lib/users/data";
import { createUser } from "@/lib/users/mutations";
import { createUserSchema } from "@/lib/users/schema";

export const GET = route(
  { role: "ADMIN", doc: { tag: "Users", summary: "List users", success: { status: 200, description: "All users.", schema: list() } } },
  async () => ({ items: await listUsers(getDb()) }),
);

export const POST = route(
  {
    role: "ADMIN",
    body: createUserSchema,
    doc: {
      tag: "Users",
      summary: "Create a user",
      description: "Without a password one is generated and returned once.",
      success: { status: 201, description: "The user (and a generated password)." },
      errors: [409],
    },
  },
  async ({ actor, body }) => {
    const { user, password, generated } = await createUser(getDb(), actor.id, body);
    // A generated password is shown once, here; it is never stored in clear.
    return json({ user, ...(generated ? { password } : {}) }, 201);
  },
);
