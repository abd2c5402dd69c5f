import "server-only";
import type { Db } from "../db/client";

export async function deskCounts(db: Db) {
  const [articles, byStatus] = await Promise.all([
    db.article.count(),
    db.claim.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  const status = Object.fromEntries(byStatus.map((r) => [r.status, r._count._all])) as Record<string, number>;
  return { articles, claims: byStatus.reduce((n, r) => n + r._count._all, 0), status };
}

export function queueClaims(db: Db, take = 50) {
  return db.claim.findMany({
    where: { status: "UNREVIEWED" },
    orderBy: [{ checkworthiness: "desc" }, { id: "asc" }],
    take,
    select: { id: true, text: true, checkworthiness: true, article: { select: { id: true, title: true, outlet: { select: { name: true } } } } },
  });
}
