import "server-only";
import type { Db } from "../db/client";
import { DomainError } from "../errors";
import { claimWithLinks } from "../claims/data";
import { presentClaimPage } from "../claims/present";
import { VERDICT_LABEL, type Verdict } from "./rules";
import { LINK_CHANGE_DONE, type HistoryKind, type LinkChange } from "./history";

// Thrown inside a transaction so it rolls back; turned into the 409 outside, from committed data.
export class Stale extends Error {}

function when(d: Date) {
  return `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

type Event = {
  kind: HistoryKind;
  linkChange: LinkChange | null;
  verdict: string;
  at: Date;
  actor: { name: string } | null;
  links: { text: string; outlet: string }[];
};

// "Ravi linked a passage as contradicting (MyJoyOnline: “…”)", "Rita changed this claim to Corroborated".
export function describeChange(e: Event): string {
  const who = e.actor?.name ?? "Someone";
  const other = e.links[0] ? ` (${e.links[0].outlet}: “${e.links[0].text.slice(0, 60)}${e.links[0].text.length > 60 ? "…" : ""}”)` : "";
  switch (e.kind) {
    case "LINK":
      return `${who} ${e.linkChange ? LINK_CHANGE_DONE[e.linkChange] : "changed a link"}${other}`;
    case "APPROVAL":
      return `${who} approved this claim for publication`;
    case "UNPUBLISH":
      return `${who} unpublished this claim`;
    case "NEEDS_REVIEW":
      return `${who} flagged this claim for re-review`;
    case "SOURCE_CHANGED":
      return "The source article changed under this claim";
    case "VERDICT":
      return `${who} changed this claim to ${VERDICT_LABEL[e.verdict.toLowerCase() as Verdict] ?? e.verdict}`;
  }
}

/**
 * The 409 for a change made against an old version of the claim: who changed what since, and the
 * claim as it is now (`current`), so the page can show it beside the reviewer's kept draft.
 */
export async function staleClaimError(db: Db, claimId: string): Promise<DomainError> {
  const [found, last] = await Promise.all([
    claimWithLinks(db, claimId),
    db.verdictEvent.findFirst({
      where: { claimId, kind: { not: "NEEDS_REVIEW" } },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      select: { kind: true, linkChange: true, verdict: true, at: true, linkedClaimIds: true, actor: { select: { name: true } } },
    }),
  ]);
  let message = "Someone changed this claim after you opened it. Review their changes; your draft is kept.";
  if (last) {
    const linked =
      last.kind === "LINK" && last.linkedClaimIds[0]
        ? await db.claim.findUnique({
            where: { id: last.linkedClaimIds[0] },
            select: { text: true, article: { select: { outlet: { select: { name: true } } } } },
          })
        : null;
    const links = linked ? [{ text: linked.text, outlet: linked.article.outlet.name }] : [];
    message = `${describeChange({ ...last, links })} at ${when(last.at)}, after you opened it. Review their changes; your draft is kept.`;
  }
  return new DomainError("stale", message, { current: found ? presentClaimPage(found).claim : null });
}
