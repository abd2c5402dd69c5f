import { route } from "@/lib/http/route";
import { list } from "@/lib/openapi/spec";
import { getDb } from "@/lib/db/client";
import { claimIdSchema } from "@/lib/claims/schema";
import { claimHistoryItems } from "@/lib/verdicts/data";

export const GET = route(
  {
    role: "REVIEWER",
    params: claimIdSchema,
    doc: {
      tag: "Claims",
      summary: "The claim's verdict and link history, newest first",
      success: { status: 200, description: "History items.", schema: list() },
    },
  },
  async ({ params }) => claimHistoryItems(getDb(), params.id),
);
