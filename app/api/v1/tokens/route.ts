import { route, json } from "@/lib/http/route";
import { anyObject, list } from "@/lib/openapi/spec";
import { getDb } from "@/lib/db/client";
import { listTokens, presentToken } from "@/lib/tokens/data";
import { createToken } from "@/lib/tokens/mutations";
import { createTokenSchema } from "@/lib/tokens/schema";

// Reviewers see and create their own tokens; admins see everyone's and may create for anyone.
export const GET = route(
  {
    role: "REVIEWER",
    doc: {
      tag: "Tokens",
      summary: "List API tokens",
      description: "Reviewers see their own tokens, admins everyone's. Secrets are never listed.",
      success: { status: 200, description: "Tokens by prefix.", schema: list() },
    },
  },
  async ({ actor }) => ({
    items: (await listTokens(getDb(), actor.role === "ADMIN" ? {} : { ownerId: actor.id })).map(presentToken),
  }),
);

export const POST = route(
  {
    role: "REVIEWER",
    body: createTokenSchema,
    doc: {
      tag: "Tokens",
      summary: "Create an API token",
      description: "The secret is in this answer only. ownerId (admins only) creates a token for another user.",
      success: {
        status: 201,
        description: "The token and its secret.",
        schema: { type: "object", properties: { token: anyObject, secret: { type: "string", pattern: "^tri_" } }, required: ["token", "secret"] },
      },
      errors: [422],
    },
  },
  async ({ actor, body }) => {
    const { token, created } = await createToken(getDb(), actor, body);
    // The secret is in this answer only; the desk keeps its hash.
    return json({ token: presentToken(created), secret: token }, 201);
  },
);
