import "server-only";
import type { Tx } from "../db/client";
import type { ExtractedClaim } from "../extract/extract";

const BATCH = 2_000;

// One statement per batch of claims, the columns sent as arrays and unnested by Postgres: a 1 MB
// article has thousands of claims, and a createMany of them built one enormous statement with a
// parameter per field that took longer than the transaction was allowed.
// anchoredVersion: the article version the offsets index (a re-fetch adds claims to version 2 on).
export async function insertClaims(tx: Tx, articleId: string, claims: ExtractedClaim[], anchoredVersion = 1) {
  for (let i = 0; i < claims.length; i += BATCH) {
    const b = claims.slice(i, i + BATCH);
    await tx.$executeRaw`
      insert into "Claim" ("articleId", "anchoredVersion", "text", "start", "end", "prefix", "suffix", "kind", "checkworthiness", "attribution", "context")
      select ${articleId}::uuid, ${anchoredVersion}::int, c.text, c.start, c."end", c.prefix, c.suffix, c.kind::"ClaimKind", c.cw, c.attribution, c.context
      from unnest(
        ${b.map((c) => c.text)}::text[], ${b.map((c) => c.start)}::int[], ${b.map((c) => c.end)}::int[],
        ${b.map((c) => c.prefix)}::text[], ${b.map((c) => c.suffix)}::text[], ${b.map((c) => c.kind.toUpperCase())}::text[],
        ${b.map((c) => c.checkworthiness)}::float8[], ${b.map((c) => c.attribution)}::text[], ${b.map((c) => c.context)}::text[]
      ) as c(text, start, "end", prefix, suffix, kind, cw, attribution, context)`;
  }
}

// A transaction's time limit sized to its work: 10 s, plus 5 s for every thousand claims.
export const importTimeoutMs = (claims: number) => 10_000 + Math.ceil(claims / 1000) * 5_000;
