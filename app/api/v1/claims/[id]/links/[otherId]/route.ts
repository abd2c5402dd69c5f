import { route } from "@/lib/http/route";
import { getDb } from "@/lib/db/client";
import { linkParams, unlinkQuery } from "@/lib/links/schema";
import { removeLink } from "@/lib/links/mutations";

// Unlinks a confirmed link or dismisses a suggestion; `change` says which (null: already rejected).
// ?version= is the claim's version the change was made against: 409 stale_version when older.
export const DELETE = route(
  {
    role: "REVIEWER",
    params: linkParams,
    query: unlinkQuery,
    doc: {
      tag: "Claims",
      summary: "Unlink a confirmed link or dismiss a suggestion",
      description: "?version= is the claim's version the change is made against, as for linking.",
      success: { status: 200, description: "The change made (null: already rejected) and the claim's new version." },
      errors: [409, 422],
    },
  },
  async ({ actor, params, query }) => removeLink(getDb(), actor.id, params.id, params.otherId, query.version),
);
