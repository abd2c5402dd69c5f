import "server-only";
import type { Db } from "../db/client";

export function listArticles(db: Db, take = 100) {
  return db.article.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, title: true, publishedAt: true, matching: true, outlet: { select: { name: true } }, _count: { select: { claims: true } } },
  });
}
