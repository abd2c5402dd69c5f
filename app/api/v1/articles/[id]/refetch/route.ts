import { route } from "@/lib/http/route";
import { articleIdParams } from "@/lib/articles/schema";
import { refetchNow } from "@/lib/articles/import";

// Fetch the article's address again now: changed text becomes a new version (docs/decisions/023).
export const POST = route(
  {
    role: "ADMIN",
    params: articleIdParams,
    doc: {
      tag: "Articles",
      summary: "Fetch an article's address again",
      description:
        "A conditional request to the address the article was fetched from (or its URL). Changed article text becomes a new version: claims whose words are found again move and keep their verdicts; claims whose words changed or are gone stay on the version they came from and are flagged source changed. 422 with `reason` when the fetch fails (kept on the article as its fetch error).",
      success: { status: 200, description: "`{articleId, changed, version, status, moved, flagged, added}`: flagged and added are claim ids." },
      errors: [409, 422],
    },
  },
  async ({ actor, params }) => refetchNow(actor.id, params.id),
);
