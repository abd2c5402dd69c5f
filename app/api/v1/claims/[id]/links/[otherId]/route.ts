import { route } from "@/lib/http/route";
import { getDb } from "@/lib/db/client";
import { linkParams } from "@/lib/links/schema";
import { removeLink } from "@/lib/links/mutations";

// Unlinks a confirmed link or dismisses a suggestion; `change` says which (null: already rejected).
export const DELETE = route({ role: "REVIEWER", params: linkParams }, async ({ actor, params }) =>
  removeLink(getDb(), actor.id, params.id, params.otherId),
);
