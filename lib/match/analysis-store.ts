import "server-only";
import { createHash } from "node:crypto";
import type { Db } from "../db/client";
import { packTagged, tagPassage, taggedFromJson, taggedToJson, type Analysis } from "./pair/analyze";

// Analyses of the claims matching compares, kept at two levels (docs/decisions/034):
// - in this process, the most recent ANALYSES_KEPT (a story's claims meet again as candidates of
//   each new article);
// - in the database, the costly part (tagging, dates, numbers) of every claim analysed so far, so
//   that a second worker, or this one after a restart, rebuilds an analysis instead of tagging the
//   sentence again. Without it, two workers tagged 60% more sentences than one for the same articles.

/**
 * The stored format. Bump it when tagPassage's output changes (a new field, another tagger): stored
 * rows of the old format no longer match their key and are replaced as they are met.
 * lib/match/analysis-store.test.ts fails when tagging changes and this does not.
 */
export const ANALYSIS_FORMAT = 1;

export type AnalysedClaim = { id: string; text: string; attribution: string | null; context?: string | null };

// Everything the analysis reads, so an edited claim or a changed publication date is analysed afresh.
function keyOf(c: AnalysedClaim, publishedAt: Date | null): string {
  return createHash("sha1")
    .update(`${ANALYSIS_FORMAT}\u0001${publishedAt?.getTime() ?? ""}\u0001${c.attribution ?? ""}\u0001${c.context ?? ""}\u0001${c.text}`)
    .digest("base64url");
}

const ANALYSES_KEPT = 4000;
const kept = new Map<string, Analysis>(); // by claim id + key

function remember(k: string, an: Analysis) {
  kept.delete(k);
  kept.set(k, an);
  if (kept.size > ANALYSES_KEPT) kept.delete(kept.keys().next().value!);
}

/**
 * The analysis of each claim, by claim id, each with its article's publication date: from this
 * process's cache, else rebuilt from the stored tagging, else tagged now and stored (one read and
 * at most one write for the whole set).
 */
export async function analysesOf(db: Db, claims: { claim: AnalysedClaim; publishedAt: Date | null }[]): Promise<Map<string, Analysis>> {
  const out = new Map<string, Analysis>();
  const missing = new Map<string, { claim: AnalysedClaim; publishedAt: Date | null; key: string }>();
  for (const { claim, publishedAt } of claims) {
    if (out.has(claim.id) || missing.has(claim.id)) continue;
    const key = keyOf(claim, publishedAt);
    const an = kept.get(`${claim.id}\u0001${key}`);
    if (an) {
      remember(`${claim.id}\u0001${key}`, an);
      out.set(claim.id, an);
    } else missing.set(claim.id, { claim, publishedAt, key });
  }
  if (!missing.size) return out;
  const stored = await db.$queryRaw<{ claimId: string; key: string; data: unknown }[]>`
    SELECT "claimId", key, data FROM "ClaimAnalysis" WHERE "claimId" = ANY(${[...missing.keys()]}::uuid[])`;
  for (const row of stored) {
    const m = missing.get(row.claimId);
    if (!m || row.key !== m.key) continue;
    const an = packTagged(taggedFromJson(row.data), m.publishedAt);
    remember(`${row.claimId}\u0001${m.key}`, an);
    out.set(row.claimId, an);
    missing.delete(row.claimId);
  }
  if (!missing.size) return out;
  const fresh: { claimId: string; key: string; data: unknown }[] = [];
  for (const [id, m] of missing) {
    const tagged = tagPassage({ text: m.claim.text, publishedAt: m.publishedAt, attribution: m.claim.attribution, context: m.claim.context });
    const an = packTagged(tagged, m.publishedAt);
    remember(`${id}\u0001${m.key}`, an);
    out.set(id, an);
    fresh.push({ claimId: id, key: m.key, data: taggedToJson(tagged) });
  }
  // A claim deleted meanwhile is skipped (the join); two workers storing one claim store the same.
  // Rows go in claim order, so two workers' inserts never wait for each other in a cycle.
  await db.$executeRaw`
    INSERT INTO "ClaimAnalysis" ("claimId", key, data)
    SELECT r."claimId", r.key, r.data FROM jsonb_to_recordset(${JSON.stringify(fresh)}::jsonb) AS r("claimId" uuid, key text, data jsonb)
    JOIN "Claim" c ON c.id = r."claimId"
    ORDER BY r."claimId"
    ON CONFLICT ("claimId") DO UPDATE SET key = EXCLUDED.key, data = EXCLUDED.data WHERE "ClaimAnalysis".key <> EXCLUDED.key`;
  return out;
}
