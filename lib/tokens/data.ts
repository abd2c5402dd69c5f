import "server-only";
import type { Db } from "../db/client";

// What may be shown of a token: never its hash, and the secret is not stored at all.
export const publicToken = {
  id: true,
  name: true,
  prefix: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
  owner: { select: { id: true, name: true, email: true } },
} as const;

// Newest first; ownerId limits the list to one user's tokens (what a reviewer may see).
export function listTokens(db: Db, opts: { ownerId?: string } = {}) {
  return db.apiToken.findMany({
    where: opts.ownerId ? { ownerId: opts.ownerId } : {},
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: publicToken,
  });
}
export type TokenRow = Awaited<ReturnType<typeof listTokens>>[number];

export function presentToken(t: TokenRow) {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    owner: t.owner,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
  };
}
