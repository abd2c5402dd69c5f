import "server-only";
import type { Db } from "../db/client";
import { HttpError } from "../http/errors";
import { claimWithLinks } from "../claims/data";
import { presentClaimPage } from "../claims/present";
import { isLinkChange, linkChangeRationale } from "../links/history";
import { assertVerdictsHold, confirmedLinks, confirmPair, lockClaims, lower, recordEvent, refreshSuggested, TX_OPTIONS, type Tx } from "../links/pair";
import { verdictProblem, VERDICT_LABEL, type Verdict } from "./rules";
import { saveVerdictSchema, type SaveVerdictInput } from "./schema";

// Thrown inside the transaction so it rolls back; turned into the 409 outside, from committed data.
class Stale extends Error {}

function when(d: Date) {
  return `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export async function staleVersionError(db: Db, claimId: string): Promise<HttpError> {
  const [found, events] = await Promise.all([
    claimWithLinks(db, claimId),
    db.verdictEvent.findMany({ where: { claimId }, orderBy: { at: "desc" }, take: 20, select: { verdict: true, previous: true, rationale: true, at: true, actor: { select: { name: true } } } }),
  ]);
  const last = events.find((e) => !isLinkChange(e));
  const message = last
    ? `${last.actor?.name ?? "Someone"} changed this claim to ${VERDICT_LABEL[lower(last.verdict) as Verdict]} at ${when(last.at)}, after you opened it. Reload to see their changes, then decide again.`
    : "Someone changed this claim after you opened it. Reload to see their changes, then decide again.";
  return new HttpError("stale_version", message, { current: found ? presentClaimPage(found).claim : null });
}

async function linkTargets(tx: Tx, claim: { id: string; articleId: string }, ids: string[]) {
  const others = await tx.claim.findMany({ where: { id: { in: ids } }, select: { id: true, articleId: true } });
  for (const id of ids) {
    const other = others.find((o) => o.id === id);
    if (!other) throw new HttpError("not_found", `No claim has the id ${id}, so it cannot be linked.`);
    if (other.articleId === claim.articleId) throw new HttpError("unprocessable", "A claim cannot be linked to a claim of its own article.");
  }
}

/**
 * Records a reviewer's verdict: confirms the listed links (both directions), checks the verdict
 * rules against the claim's resulting confirmed links, bumps the claim's version only if it is
 * still the one the reviewer saw, and appends the history, all in one transaction.
 * The VerdictEvent lists every confirmed link the verdict rests on, not only the listed ones.
 */
export async function saveVerdict(db: Db, actorId: string, claimId: string, raw: SaveVerdictInput) {
  const input = saveVerdictSchema.parse(raw);
  const linkIds = input.links.map((l) => l.claimId);
  try {
    await db.$transaction(async (tx) => {
      await lockClaims(tx, [claimId, ...linkIds]);
      const claim = await tx.claim.findUnique({ where: { id: claimId }, select: { id: true, articleId: true, status: true, version: true } });
      if (!claim) throw new HttpError("not_found", "No claim has that id.");
      if (claim.version !== input.version) throw new Stale();
      await linkTargets(tx, claim, linkIds);

      const changedPartners: string[] = [];
      for (const l of input.links) if (await confirmPair(tx, actorId, claimId, l.claimId, l.relation)) changedPartners.push(l.claimId);
      await assertVerdictsHold(tx, changedPartners, claimId);
      const links = await confirmedLinks(tx, claimId);
      const problem = verdictProblem(input.verdict, links);
      if (problem) throw new HttpError("unprocessable", problem, { verdict: input.verdict });

      const status = input.verdict.toUpperCase() as "CORROBORATED";
      const n = await tx.claim.updateMany({ where: { id: claimId, version: input.version }, data: { status, version: { increment: 1 } } });
      if (!n.count) throw new Stale();
      await recordEvent(tx, { claimId, actorId, verdict: status, previous: claim.status, rationale: input.rationale, linkedClaimIds: links.map((l) => l.claimId) });
      if (changedPartners.length) {
        const partners = await tx.claim.findMany({ where: { id: { in: changedPartners } }, select: { id: true, status: true } });
        for (const p of partners) {
          const relation = input.links.find((l) => l.claimId === p.id)!.relation;
          await recordEvent(tx, { claimId: p.id, actorId, verdict: p.status, previous: p.status, rationale: linkChangeRationale(relation === "supports" ? "linked_supports" : "linked_contradicts"), linkedClaimIds: [claimId] });
        }
        await refreshSuggested(tx, [claimId, ...changedPartners]);
      }
      await tx.auditLog.create({
        data: { actorId, action: "claim.verdict", entity: "Claim", entityId: claimId, data: { previous: claim.status, verdict: status, version: input.version + 1, links: input.links, confirmedLinks: links.length } },
      });
    }, TX_OPTIONS);
  } catch (e) {
    if (e instanceof Stale) throw await staleVersionError(db, claimId);
    throw e;
  }
  const found = (await claimWithLinks(db, claimId))!;
  const page = presentClaimPage(found);
  return { claim: page.claim, links: page.links };
}
