import { route, json } from "@/lib/http/route";
import { getDb } from "@/lib/db/client";
import { listUsers } from "@/lib/users/data";
import { createUser } from "@/lib/users/mutations";
import { createUserSchema } from "@/lib/users/schema";

export const GET = route({ role: "ADMIN" }, async () => ({ items: await listUsers(getDb()) }));

export const POST = route({ role: "ADMIN", body: createUserSchema }, async ({ actor, body }) => {
  const { user, password, generated } = await createUser(getDb(), actor.id, body);
  // A generated password is shown once, here; it is never stored in clear.
  return json({ user, ...(generated ? { password } : {}) }, 201);
});
