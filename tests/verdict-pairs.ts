import type { Db } from "../lib/db/client";

// Disjoint pairs of claims joined by a stored, independent "supports" suggestion, best first.
// Tests pick their claims this way so that they do not hang on one matcher's exact output.
export async function suggestedPairs(db: Db): Promise<[string, string][]> {
  const rows = await db.claimLink.findMany({
    where: { state: "SUGGESTED", relation: "SUPPORTS", independent: true },
    orderBy: [{ score: "desc" }, { id: "asc" }],
    select: { fromClaimId: true, toClaimId: true },
  });
  const used = new Set<string>();
  const out: [string, string][] = [];
  for (const r of rows) {
    if (used.has(r.fromClaimId) || used.has(r.toClaimId)) continue;
    used.add(r.fromClaimId).add(r.toClaimId);
    out.push([r.fromClaimId, r.toClaimId]);
  }
  return out;
}
