import { route, json } from "@/lib/http/route";
import { getDb } from "@/lib/db/client";
import { listTokens, presentToken } from "@/lib/tokens/data";
import { createToken } from "@/lib/tokens/mutations";
import { createTokenSchema } from "@/lib/tokens/schema";

// Reviewers see and create their own tokens; admins see everyone's and may create for anyone.
export const GET = route({ role: "REVIEWER" }, async ({ actor }) => ({
  items: (await listTokens(getDb(), actor.role === "ADMIN" ? {} : { ownerId: actor.id })).map(presentToken),
}));

export const POST = route({ role: "REVIEWER", body: createTokenSchema }, async ({ actor, body }) => {
  const { token, created } = await createToken(getDb(), actor, body);
  // The secret is in this answer only; the desk keeps its hash.
  return json({ token: presentToken(created), secret: token }, 201);
});
