import "server-only";
import type { Db } from "../db/client";
import { DomainError } from "../errors";

// The claim's append-only history, newest first, with the linked claims resolved in one more read.
export async function claimHistory(db: Db, claimId: string) {
  const events = await db.verdictEvent.findMany({
    where: { claimId },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    select: { id: true, at: true, kind: true, linkChange: true, verdict: true, previous: true, rationale: true, linkedClaimIds: true, actor: { select: { id: true, email: true, name: true } } },
  });
  const ids = [...new Set(events.flatMap((e) => e.linkedClaimIds))];
  const claims = ids.length
    ? await db.claim.findMany({ where: { id: { in: ids } }, select: { id: true, text: true, article: { select: { id: true, outlet: { select: { name: true } } } } } })
    : [];
  const byId = new Map(claims.map((c) => [c.id, c]));
  return events.map((e) => ({ ...e, kind: e.kind.toLowerCase() as Lowercase<typeof e.kind>, links: e.linkedClaimIds.map((id) => byId.get(id)).filter((c) => !!c) }));
}
/** The history API's answer; not_found when there is no such claim. */
export async function claimHistoryItems(db: Db, claimId: string) {
  const [exists, rows] = await Promise.all([db.claim.count({ where: { id: claimId } }), claimHistory(db, claimId)]);
  if (!exists) throw new DomainError("not_found", "No claim has that id.");
  return presentHistory(rows);
}

export type HistoryRow = Awaited<ReturnType<typeof claimHistory>>[number];

export function presentHistory(rows: HistoryRow[]) {
  return {
    items: rows.map((e) => ({
      at: e.at.toISOString(),
      kind: e.kind,
      linkChange: e.linkChange?.toLowerCase() ?? null,
      actor: e.actor,
      verdict: e.verdict.toLowerCase(),
      previous: e.previous.toLowerCase(),
      rationale: e.rationale,
      links: e.links.map((c) => ({ claimId: c.id, text: c.text, articleId: c.article.id, outlet: c.article.outlet.name })),
    })),
  };
}
