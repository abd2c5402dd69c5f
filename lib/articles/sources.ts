import "server-only";
import type { Db } from "../db/client";

// Reads of an article's versions and the pages they were fetched from (docs/decisions/022, 023).

const snapshotMeta = {
  id: true,
  requestedUrl: true,
  finalUrl: true,
  status: true,
  contentType: true,
  contentHash: true,
  bytes: true,
  fetchedAt: true,
} as const;

export function listSnapshots(db: Db, articleId: string) {
  return db.articleSnapshot.findMany({
    where: { articleId },
    select: { ...snapshotMeta, versions: { select: { number: true } } },
    orderBy: { fetchedAt: "desc" },
  });
}

export function getSnapshot(db: Db, articleId: string, snapshotId: string) {
  return db.articleSnapshot.findFirst({ where: { id: snapshotId, articleId }, select: { ...snapshotMeta, html: true } });
}

export function listVersions(db: Db, articleId: string) {
  return db.articleVersion.findMany({
    where: { articleId },
    select: { number: true, text: true, createdAt: true, snapshotId: true },
    orderBy: { number: "asc" },
  });
}
