import { route } from "@/lib/http/route";
import { getDb } from "@/lib/db/client";
import { assignClaim } from "@/lib/queue/mutations";
import { assignClaimSchema } from "@/lib/queue/schema";

// POST { claimId, assigneeId: "me" | user id | null }: reviewers may take claims, admins assign anyone.
export const POST = route(
  {
    role: "REVIEWER",
    body: assignClaimSchema,
    doc: {
      tag: "Queue",
      summary: "Assign a claim",
      description: 'assigneeId: "me", a user id (admins) or null to unassign.',
      success: { status: 200, description: "The assignment." },
    },
  },
  async ({ body, actor }) => assignClaim(getDb(), actor, body),
);
