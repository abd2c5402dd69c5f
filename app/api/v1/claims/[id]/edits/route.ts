import { route } from "@/lib/http/route";
import { list } from "@/lib/openapi/spec";
import { claimIdSchema } from "@/lib/claims/schema";
import { claimEdits } from "@/lib/claims/data";

// The claim's curation history, newest first.
export const GET = route(
  {
    role: "REVIEWER",
    params: claimIdSchema,
    doc: { tag: "Curation", summary: "The claim's curation history, newest first", success: { status: 200, description: "History items.", schema: list() } },
  },
  async ({ params }) => {
    const items = await claimEdits(params.id);
    return { items: items.map((e) => ({ ...e, at: e.at.toISOString() })) };
  },
);
