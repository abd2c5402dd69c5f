import "server-only";
import { isIndependent } from "../match/independence";
import { flagForReview } from "../verdicts/flags";
import { bumpVersions, refreshSuggested, type Tx } from "../verdicts/pair";

type Source = { outletId: string; originGroup: string | null; wireCredit: string | null; articleText: string };

/**
 * Recomputes `independent` on every stored suggestion and confirmed link that touches a claim of
 * these articles, after an outlet's origin group or an article's wire credit changed; runs inside
 * the transaction that made the change. Claims whose confirmed links changed get a new version
 * (their evidence changed) and, when reviewed, are flagged "needs re-review" (docs/decisions/014).
 */
export async function recomputeIndependence(tx: Tx, actorId: string | null, articleIds: string[], why: string) {
  if (!articleIds.length) return { changed: 0, flagged: 0 };
  const links = await tx.claimLink.findMany({
    where: { state: { not: "REJECTED" }, OR: [{ fromClaim: { articleId: { in: articleIds } } }, { toClaim: { articleId: { in: articleIds } } }] },
    select: {
      id: true,
      independent: true,
      state: true,
      fromClaimId: true,
      fromClaim: { select: { articleId: true } },
      toClaim: { select: { articleId: true } },
    },
  });
  const involved = [...new Set(links.flatMap((l) => [l.fromClaim.articleId, l.toClaim.articleId]))];
  const articles = await tx.article.findMany({
    where: { id: { in: involved } },
    select: { id: true, outletId: true, wireCredit: true, text: true, outlet: { select: { originGroup: true } } },
  });
  const source = new Map<string, Source>(
    articles.map((a) => [a.id, { outletId: a.outletId, originGroup: a.outlet.originGroup, wireCredit: a.wireCredit, articleText: a.text }]),
  );
  // Shingling whole articles is the costly part: once per article pair, however many claims link them.
  const memo = new Map<string, boolean>();
  const independent = (a: string, b: string) => {
    const key = a < b ? `${a}:${b}` : `${b}:${a}`;
    if (!memo.has(key)) memo.set(key, isIndependent(source.get(a)!, source.get(b)!));
    return memo.get(key)!;
  };
  const changed = links.filter((l) => independent(l.fromClaim.articleId, l.toClaim.articleId) !== l.independent);
  for (const value of [true, false]) {
    const ids = changed.filter((l) => !l.independent === value).map((l) => l.id);
    if (ids.length) await tx.claimLink.updateMany({ where: { id: { in: ids } }, data: { independent: value, version: { increment: 1 } } });
  }
  // Every claim with a link touching the article: a new credit can also make two of a claim's
  // sources one (copies of one agency weigh once in its suggested verdict), with no link's
  // independence changing.
  await refreshSuggested(
    tx,
    links.map((l) => l.fromClaimId),
  );
  const evidenceChanged = [...new Set(changed.filter((l) => l.state === "CONFIRMED").map((l) => l.fromClaimId))];
  await bumpVersions(tx, evidenceChanged);
  const reviewed = await tx.claim.findMany({ where: { id: { in: evidenceChanged }, status: { not: "UNREVIEWED" } }, select: { id: true, status: true } });
  await flagForReview(tx, actorId, reviewed, `The independence of a confirmed link changed (${why}). Check that the verdict still holds.`);
  return { changed: changed.length, flagged: reviewed.length };
}
