import "server-only";
import type { Db } from "../db/client";
import { AUDIT_PAGE_SIZE, type AuditFilters } from "./schema";

function where(f: AuditFilters) {
  const at: { gte?: Date; lt?: Date } = {};
  if (f.from) at.gte = new Date(`${f.from}T00:00:00Z`);
  // "To" is inclusive: everything before the start of the next day (UTC).
  if (f.to) at.lt = new Date(new Date(`${f.to}T00:00:00Z`).getTime() + 86_400_000);
  return {
    ...(f.actor ? { actorId: f.actor } : {}),
    ...(f.action ? { action: f.action } : {}),
    ...(at.gte || at.lt ? { at } : {}),
  };
}

// Newest first; id breaks ties within a millisecond. One extra row says whether a next page exists.
export async function listAudit(db: Db, f: AuditFilters, pageSize = AUDIT_PAGE_SIZE) {
  const rows = await db.auditLog.findMany({
    where: where(f),
    orderBy: [{ at: "desc" }, { id: "desc" }],
    skip: (f.page - 1) * pageSize,
    take: pageSize + 1,
    select: { id: true, at: true, action: true, entity: true, entityId: true, data: true, actor: { select: { id: true, name: true, email: true } } },
  });
  return { items: rows.slice(0, pageSize), hasNext: rows.length > pageSize, hasPrevious: f.page > 1 };
}
export type AuditRow = Awaited<ReturnType<typeof listAudit>>["items"][number];

// The filter choices: actions that occur in the log, and users who have acted.
export async function auditFilterOptions(db: Db) {
  const [actions, actorIds] = await Promise.all([
    db.auditLog.groupBy({ by: ["action"], orderBy: { action: "asc" } }),
    db.auditLog.groupBy({ by: ["actorId"], where: { actorId: { not: null } } }),
  ]);
  const actors = await db.user.findMany({
    where: { id: { in: actorIds.map((a) => a.actorId!).filter(Boolean) } },
    select: { id: true, name: true, email: true },
    orderBy: { name: "asc" },
  });
  return { actions: actions.map((a) => a.action), actors };
}
