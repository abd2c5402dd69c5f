import "server-only";
import crypto from "node:crypto";
import type { Db } from "../db/client";
import { query, sql } from "../db/sql";

export const TOKEN_PREFIX = "tri_";

export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

// Tokens carry 256 random bits, so a plain SHA-256 is enough: there is nothing to brute-force.
export async function createApiToken(db: Db, ownerId: string, name = "") {
  const secret = crypto.randomBytes(32).toString("base64url");
  const token = `${TOKEN_PREFIX}${secret}`;
  const row = await db.apiToken.create({
    data: { ownerId, name, prefix: token.slice(0, TOKEN_PREFIX.length + 8), secretHash: hashToken(token) },
  });
  return { token, row };
}

type TokenOwner = {
  tokenId: string;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  id: string;
  email: string;
  name: string;
  role: "ADMIN" | "REVIEWER";
  active: boolean;
};

export const tokenOwnerSql = (secretHash: string) => sql`
  SELECT t.id AS "tokenId", t."revokedAt", t."lastUsedAt", u.id, u.email, u.name, u.role::text AS role, u.active
  FROM "ApiToken" t JOIN "User" u ON u.id = t."ownerId" WHERE t."secretHash" = ${secretHash}`;

// The token and its owner in one indexed read (secretHash is unique), on every API request, through
// the thin client (docs/decisions/028); the rare lastUsedAt write goes through Prisma.
export async function findTokenOwner(db: Db, token: string) {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const [row] = await query<TokenOwner>(tokenOwnerSql(hashToken(token)), { prepared: true });
  if (!row || row.revokedAt || !row.active) return null;
  // One write a minute at most, so a busy integration does not turn every read into a write.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: row.tokenId }, data: { lastUsedAt: new Date() } });
  }
  return { id: row.id, email: row.email, name: row.name, role: row.role };
}
