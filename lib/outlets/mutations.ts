import "server-only";
import type { Db, Tx } from "../db/client";
import { DomainError } from "../errors";
import { recomputeIndependence } from "../links/independence";
import { TX_OPTIONS } from "../verdicts/pair";
import { skeleton, normalizeName } from "../text/names";
import { outletSelect, presentOutlet } from "./data";
import type { CreateOutletInput, UpdateOutletInput } from "./schema";

const FIELDS = ["name", "domain", "originGroup", "notes"] as const;

// "Reuters" and "reuters" would split one outlet's articles in two, so names clash in any letter
// case; and "Аfricanews" (a Cyrillic А) would pass for Africanews and count as an independent
// source, so names also clash when they look alike (one UTS #39 skeleton). Outlets are few, so
// their skeletons are compared here; the advisory lock makes two look-alike creations take turns.
// The unique index still catches an exact-name race (P2002 → 409).
const lockOutletNames = (tx: Tx) => tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('outlet-names'))`;

async function refuseTakenName(tx: Tx, name: string, exceptId?: string) {
  await lockOutletNames(tx);
  const wanted = skeleton(name);
  const others = await tx.outlet.findMany({ where: exceptId ? { NOT: { id: exceptId } } : {}, select: { name: true } });
  const taken = others.find((o) => o.name.toLowerCase() === name.toLowerCase()) ?? others.find((o) => skeleton(o.name) === wanted);
  if (!taken) return;
  if (taken.name.toLowerCase() === name.toLowerCase()) throw new DomainError("conflict", `An outlet named ${taken.name} already exists.`);
  throw new DomainError(
    "conflict",
    `"${name}" looks like the existing outlet ${taken.name} (letters from another script, or invisible ones). Use ${taken.name}, or a name that reads differently.`,
  );
}

/**
 * The outlet an import names, created on first use inside the import's own transaction, so a
 * failed import leaves neither the outlet nor its audit row. "reuters" is the existing "Reuters";
 * a look-alike of an existing name is refused.
 */
export async function outletForImport(tx: Tx, actorId: string | null, given: string): Promise<string> {
  const name = normalizeName(given);
  const find = () => tx.outlet.findFirst({ where: { name: { equals: name, mode: "insensitive" } }, select: { id: true } });
  const existing = await find();
  if (existing) return existing.id;
  // A concurrent import may have created it while we waited for the lock: then it is ours too.
  await lockOutletNames(tx);
  const raced = await find();
  if (raced) return raced.id;
  await refuseTakenName(tx, name);
  const created = await tx.outlet.create({ data: { name }, select: { id: true } });
  await tx.auditLog.create({ data: { actorId, action: "outlet.create", entity: "Outlet", entityId: created.id, data: { name, via: "import" } } });
  return created.id;
}

// Writes take an explicit actor id (null for the CLI and seed) and log to AuditLog in the same
// transaction, so no change exists without its record.

export async function createOutlet(db: Db, actorId: string | null, input: CreateOutletInput) {
  return db.$transaction(async (tx) => {
    await refuseTakenName(tx, input.name);
    const data = { name: input.name, domain: input.domain ?? null, originGroup: input.originGroup ?? null, notes: input.notes ?? null };
    const outlet = await tx.outlet.create({ data, select: outletSelect });
    await tx.auditLog.create({
      data: {
        actorId,
        action: "outlet.create",
        entity: "Outlet",
        entityId: outlet.id,
        data: { name: data.name, domain: data.domain, originGroup: data.originGroup },
      },
    });
    return presentOutlet(outlet);
  });
}

export async function updateOutlet(db: Db, actorId: string | null, input: UpdateOutletInput) {
  return db.$transaction(async (tx) => {
    const target = await tx.outlet.findUnique({ where: { id: input.id } });
    if (!target) throw new DomainError("not_found", "No such outlet.");
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
      ? await recomputeIndependence(
          tx,
          actorId,
          (await tx.article.findMany({ where: { outletId: outlet.id }, select: { id: true } })).map((a) => a.id),
          `${outlet.name}'s origin group changed from ${changes.originGroup.from ?? "none"} to ${changes.originGroup.to ?? "none"}`,
        )
      : null;
    await tx.auditLog.create({
      data: { actorId, action: "outlet.update", entity: "Outlet", entityId: outlet.id, data: { ...changes, ...(independence ? { independence } : {}) } },
    });
    return presentOutlet(outlet);
  }, TX_OPTIONS);
}
