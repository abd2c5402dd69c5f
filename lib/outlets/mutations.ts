import "server-only";
import type { Db } from "../db/client";
import { HttpError } from "../http/errors";
import { recomputeIndependence } from "../links/independence";
import { TX_OPTIONS } from "../links/pair";
import { outletSelect, presentOutlet } from "./data";
import type { CreateOutletInput, UpdateOutletInput } from "./schema";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
const FIELDS = ["name", "domain", "originGroup", "notes"] as const;

// "Reuters" and "reuters" would split one outlet's articles in two, so names clash in any letter
// case. The unique index still catches an exact-name race (P2002 → 409).
async function refuseTakenName(tx: Tx, name: string, exceptId?: string) {
  const taken = await tx.outlet.findFirst({
    where: { name: { equals: name, mode: "insensitive" }, ...(exceptId ? { NOT: { id: exceptId } } : {}) },
    select: { name: true },
  });
  if (taken) throw new HttpError("conflict", `An outlet named ${taken.name} already exists.`);
}

// Writes take an explicit actor id (null for the CLI and seed) and log to AuditLog in the same
// transaction, so no change exists without its record.

export async function createOutlet(db: Db, actorId: string | null, input: CreateOutletInput) {
  return db.$transaction(async (tx) => {
    await refuseTakenName(tx, input.name);
    const data = { name: input.name, domain: input.domain ?? null, originGroup: input.originGroup ?? null, notes: input.notes ?? null };
    const outlet = await tx.outlet.create({ data, select: outletSelect });
    await tx.auditLog.create({ data: { actorId, action: "outlet.create", entity: "Outlet", entityId: outlet.id, data: { name: data.name, domain: data.domain, originGroup: data.originGroup } } });
    return presentOutlet(outlet);
  });
}

export async function updateOutlet(db: Db, actorId: string | null, input: UpdateOutletInput) {
  return db.$transaction(async (tx) => {
    const target = await tx.outlet.findUnique({ where: { id: input.id } });
    if (!target) throw new HttpError("not_found", "No such outlet.");
    const changes: Record<string, { from: string | null; to: string | null }> = {};
    for (const f of FIELDS) {
      const to = input[f];
      if (to !== undefined && to !== target[f]) changes[f] = { from: target[f], to };
    }
    // Saving a form unchanged writes nothing and logs nothing.
    if (Object.keys(changes).length === 0) return presentOutlet(await tx.outlet.findUniqueOrThrow({ where: { id: input.id }, select: outletSelect }));
    if (changes.name) await refuseTakenName(tx, changes.name.to!, input.id);
    const data = Object.fromEntries(Object.entries(changes).map(([f, c]) => [f, c.to]));
    const outlet = await tx.outlet.update({ where: { id: input.id }, data, select: outletSelect });
    // Outlets of one origin group are not independent of each other: every link touching this
    // outlet's articles is re-judged in this same transaction, so no stale "independent" survives.
    const independence = changes.originGroup
      ? await recomputeIndependence(tx, actorId, (await tx.article.findMany({ where: { outletId: outlet.id }, select: { id: true } })).map((a) => a.id),
        `${outlet.name}'s origin group changed from ${changes.originGroup.from ?? "none"} to ${changes.originGroup.to ?? "none"}`)
      : null;
    await tx.auditLog.create({ data: { actorId, action: "outlet.update", entity: "Outlet", entityId: outlet.id, data: { ...changes, ...(independence ? { independence } : {}) } } });
    return presentOutlet(outlet);
  }, TX_OPTIONS);
}
