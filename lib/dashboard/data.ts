import "server-only";
import type { Db } from "../db/client";

export const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
const STATUSES = ["UNREVIEWED", "CORROBORATED", "SINGLE_SOURCED", "CONTRADICTED"] as const;

// Claims per status, every status present (zero when none), in review order.
export async function progressByStatus(db: Db) {
  const rows = await db.claim.groupBy({ by: ["status"], _count: { _all: true } });
  const n = new Map(rows.map((r) => [r.status, r._count._all]));
  const items = STATUSES.map((status) => ({ status, count: n.get(status) ?? 0 }));
  return { total: items.reduce((s, i) => s + i.count, 0), items };
}

// History rows per reviewer of one kind in the seven days before `now`, most first (served by the actorId, at index).
async function perReviewer(db: Db, kind: "VERDICT" | "LINK", now: Date) {
  const since = new Date(now.getTime() - WEEK_MS);
  // A link change is in the history of both claims it joins, but in the audit log once.
  const rows =
    kind === "VERDICT"
      ? await db.verdictEvent.groupBy({ by: ["actorId"], where: { kind, at: { gte: since, lte: now }, actorId: { not: null } }, _count: { _all: true } })
      : await db.auditLog.groupBy({
          by: ["actorId"],
          where: { action: { in: ["claim.link", "claim.unlink", "claim.dismiss"] }, at: { gte: since, lte: now }, actorId: { not: null } },
          _count: { _all: true },
        });
  const users = await db.user.findMany({ where: { id: { in: rows.map((r) => r.actorId!) } }, select: { id: true, name: true } });
  const name = new Map(users.map((u) => [u.id, u.name]));
  return rows
    .map((r) => ({ id: r.actorId!, name: name.get(r.actorId!) ?? "Unknown", count: r._count._all }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

// Verdicts saved per reviewer this week: verdict saves only, never link changes, approvals or flags.
export const verdictsThisWeek = (db: Db, now = new Date()) => perReviewer(db, "VERDICT", now);
// Link changes per reviewer this week, shown apart: one per change (the audit log's row), though
// the history records it on both claims.
export const linkChangesThisWeek = (db: Db, now = new Date()) => perReviewer(db, "LINK", now);

const LINKABLE: Record<string, string> = { Claim: "/claims/", Article: "/articles/", Story: "/stories/" };

// The desk's last changes, newest first, with a link when the entity has a page.
export async function recentActivity(db: Db, take = 20) {
  const rows = await db.auditLog.findMany({
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take,
    select: { id: true, action: true, entity: true, entityId: true, at: true, actor: { select: { name: true } } },
  });
  return rows.map((r) => ({
    id: r.id.toString(),
    action: r.action,
    entity: r.entity,
    entityId: r.entityId,
    at: r.at,
    actor: r.actor?.name ?? "System",
    href: r.entityId && LINKABLE[r.entity] ? `${LINKABLE[r.entity]}${r.entityId}` : null,
  }));
}
