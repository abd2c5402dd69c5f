// A link change is recorded as a VerdictEvent whose verdict equals its previous status and whose
// rationale starts with this prefix, next to an AuditLog row ("claim.link", "claim.dismiss",
// "claim.unlink"). That keeps one append-only history per claim without a schema change.
export const LINK_CHANGE_PREFIX = "Link change: ";

export type LinkChange = "linked_supports" | "linked_contradicts" | "dismissed" | "unlinked";

const PHRASE: Record<LinkChange, string> = {
  linked_supports: "linked as supporting",
  linked_contradicts: "linked as contradicting",
  dismissed: "dismissed suggestion",
  unlinked: "unlinked",
};

export function linkChangeRationale(change: LinkChange): string {
  return LINK_CHANGE_PREFIX + PHRASE[change];
}

export function isLinkChange(e: { verdict: string; previous: string; rationale: string | null }): boolean {
  return e.verdict === e.previous && !!e.rationale?.startsWith(LINK_CHANGE_PREFIX);
}
