import "server-only";
import type { Db } from "../db/client";
import { query, sql } from "../db/sql";
import { DomainError } from "../errors";
import type { HistoryKind as EventKind, LinkChange } from "../db/generated/enums";

type Status = "UNREVIEWED" | "CORROBORATED" | "SINGLE_SOURCED" | "CONTRADICTED";
type LinkedClaim = { id: string; text: string; article: { id: string; outlet: { name: string } } };
type EventRow = {
  id: string;
  at: Date;
  kind: EventKind;
  linkChange: LinkChange | null;
  verdict: Status;
  previous: Status;
  rationale: string | null;
  linkedClaimIds: string[];
  actor: { id: string; email: string; name: string } | null;
  links: LinkedClaim[];
};

// The claim's append-only history, newest first, with the linked claims resolved, in one statement
// through the thin client (docs/decisions/028).
export async function claimHistory(claimId: string) {
  const events = await query<EventRow>(
    sql`
    SELECT e.id, e.at, e.kind::text AS kind, e."linkChange"::text AS "linkChange", e.verdict::text AS verdict, e.previous::text AS previous, e.rationale,
      COALESCE(e."linkedClaimIds", '{}') AS "linkedClaimIds",
      CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('id', u.id, 'email', u.email, 'name', u.name) END AS actor,
      COALESCE((
        SELECT json_agg(json_build_object('id', c.id, 'text', c.text, 'article', json_build_object('id', a.id, 'outlet', json_build_object('name', o.name))) ORDER BY k.n)
        FROM unnest(e."linkedClaimIds") WITH ORDINALITY AS k(id, n)
        JOIN "Claim" c ON c.id = k.id JOIN "Article" a ON a.id = c."articleId" JOIN "Outlet" o ON o.id = a."outletId"
      ), '[]') AS links
    FROM "VerdictEvent" e LEFT JOIN "User" u ON u.id = e."actorId"
    WHERE e."claimId" = ${claimId}::uuid
    ORDER BY e.at DESC, e.id DESC`,
    { prepared: true },
  ); // by the claimId index whatever the claim
  return events.map((e) => ({ ...e, kind: e.kind.toLowerCase() as Lowercase<EventKind> }));
}
/** The history API's answer; not_found when there is no such claim. */
export async function claimHistoryItems(db: Db, claimId: string) {
  const [exists, rows] = await Promise.all([db.claim.count({ where: { id: claimId } }), claimHistory(claimId)]);
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
