import { z } from "zod";
import { route } from "@/lib/http/route";
import { refetchNow } from "@/lib/articles/import";

const params = z.object({ id: z.uuid("Not an article id.") });

// Fetch the article's address again now: changed text becomes a new version (docs/decisions/023).
export const POST = route({ role: "ADMIN", params }, async ({ actor, params }) => refetchNow(actor.id, params.id));
