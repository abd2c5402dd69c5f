import { route } from "@/lib/http/route";
import { getDb } from "@/lib/db/client";
import { presentToken } from "@/lib/tokens/data";
import { revokeToken } from "@/lib/tokens/mutations";
import { tokenIdSchema } from "@/lib/tokens/schema";

// Revokes the token (own token, or any token for admins); it stops working on the next request.
export const DELETE = route(
  {
    role: "REVIEWER",
    params: tokenIdSchema,
    doc: {
      tag: "Tokens",
      summary: "Revoke an API token",
      description: "Takes effect on the very next request.",
      success: { status: 200, description: "The revoked token." },
    },
  },
  async ({ actor, params }) => ({
    token: presentToken(await revokeToken(getDb(), actor, params.id)),
  }),
);
