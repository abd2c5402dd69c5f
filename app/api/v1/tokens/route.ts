import { route, json } from "@/lib/http/route";
import { HttpError } from "@/lib/http/errors";
import { getDb } from "@/lib/db/client";
import { listTokens, presentToken } from "@/lib/tokens/data";
import { createToken } from "@/lib/tokens/mutations";
import { createTokenSchema } from "@/lib/tokens/schema";

// Reviewers see and create their own tokens; admins see everyone's and may create for anyone.
export const GET = route({ role: "REVIEWER" }, async ({ actor }) => ({
  items: (await listTokens(getDb(), actor.role === "ADMIN" ? {} : { ownerId: actor.id })).map(presentToken),
}));

export const POST = route({ role: "REVIEWER", body: createTokenSchema }, async ({ actor, body }) => {
  // A leaked token must not be able to mint successors that outlive its revocation.
  if (actor.via === "token") throw new HttpError("forbidden", "Create tokens from a signed-in session, not with a token.");
  const { token, created } = await createToken(getDb(), actor, body);
  // The secret is in this answer only; the desk keeps its hash.
  return json({ token: presentToken(created), secret: token }, 201);
});
