import "server-only";
import type { Db } from "../db/client";

export const outletSelect = {
  id: true,
  name: true,
  domain: true,
  originGroup: true,
  notes: true,
  _count: { select: { articles: true } },
} as const;

type OutletRow = { id: string; name: string; domain: string | null; originGroup: string | null; notes: string | null; _count: { articles: number } };

// The one JSON shape of an outlet, for the API and the admin page alike.
export function presentOutlet(o: OutletRow) {
  return { id: o.id, name: o.name, domain: o.domain, originGroup: o.originGroup, notes: o.notes, articleCount: o._count.articles };
}
export type OutletJson = ReturnType<typeof presentOutlet>;

export async function listOutlets(db: Db): Promise<OutletJson[]> {
  const rows = await db.outlet.findMany({ select: outletSelect, orderBy: [{ name: "asc" }, { id: "asc" }] });
  return rows.map(presentOutlet);
}
