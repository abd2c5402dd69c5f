import "server-only";
import type { Db } from "../db/client";
import type { ClaimStatus, HistoryKind, LinkChange } from "../db/generated/enums";

// A claim's history (VerdictEvent rows) says what each row is in columns: `kind`, and for a link
// change `linkChange`. The rationale holds only a person's words (a verdict's rationale) or a flag's
// reason, and nothing reads meaning out of it (docs/decisions/026).
export type { HistoryKind, LinkChange };

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** One row of history: a kind added to the HistoryKind enum is written only once it has a variant here. */
export type HistoryEntry = { claimId: string; actorId: string | null; verdict: ClaimStatus; previous: ClaimStatus; linkedClaimIds: string[] } & (
  | { kind: "VERDICT"; rationale?: string | null }
  | { kind: "LINK"; linkChange: LinkChange }
  | { kind: "APPROVAL" | "UNPUBLISH" }
  | { kind: "NEEDS_REVIEW" | "SOURCE_CHANGED"; reason: string }
);

export async function recordEvent(tx: Tx, e: HistoryEntry) {
  const text = e.kind === "VERDICT" ? (e.rationale ?? null) : e.kind === "NEEDS_REVIEW" || e.kind === "SOURCE_CHANGED" ? e.reason : null;
  await tx.verdictEvent.create({
    data: {
      claimId: e.claimId,
      actorId: e.actorId,
      verdict: e.verdict,
      previous: e.previous,
      linkedClaimIds: e.linkedClaimIds,
      kind: e.kind,
      rationale: text,
      linkChange: e.kind === "LINK" ? e.linkChange : null,
    },
  });
}

export const LINK_CHANGE_PHRASE: Record<LinkChange, string> = {
  LINKED_SUPPORTS: "linked as supporting",
  LINKED_CONTRADICTS: "linked as contradicting",
  DISMISSED: "dismissed suggestion",
  UNLINKED: "unlinked",
};

/** As the "someone changed it first" message words it: "linked a passage as supporting". */
export const LINK_CHANGE_DONE: Record<LinkChange, string> = {
  LINKED_SUPPORTS: "linked a passage as supporting",
  LINKED_CONTRADICTS: "linked a passage as contradicting",
  DISMISSED: "dismissed a suggestion",
  UNLINKED: "unlinked a passage",
};
