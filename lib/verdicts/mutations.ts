import "server-only";
import type { Db } from "../db/client";
import { DomainError } from "../errors";
import { claimWithLinks } from "../claims/data";
import { presentClaimPage } from "../claims/present";
import { recordEvent } from "./history";
import { assertVerdictsHold, bumpVersions, confirmedLinks, confirmPair, lockClaims, refreshSuggested, TX_OPTIONS, type Tx } from "./pair";
import { Stale, staleClaimError } from "./stale";
import { verdictCheck } from "./rules";
import { saveVerdictSchema, type SaveVerdictInput } from "./schema";

async function linkTargets(tx: Tx, claim: { id: string; articleId: string }, ids: string[]) {
  const others = await tx.claim.findMany({ where: { id: { in: ids } }, select: { id: true, articleId: true } });
  for (const id of ids) {
    const other = others.find((o) => o.id === id);
    if (!other) throw new DomainError("not_found", `No claim has the id ${id}, so it cannot be linked.`);
    if (other.articleId === claim.articleId) throw new DomainError("rule", "A claim cannot be linked to a claim of its own article.");
  }
}

/**
 * Records a reviewer's verdict: confirms the listed links (both directions), checks the verdict
 * rules against the claim's resulting confirmed links, bumps the claim's version only if it is
 * still the one the reviewer saw, and appends the history, all in one transaction.
 * The VerdictEvent lists every confirmed link the verdict rests on, not only the listed ones.
 * A new verdict clears "needs re-review" and "source changed" (the reviewer has seen the change) and awaits an admin's approval before it is published.
 */
export async function saveVerdict(db: Db, actorId: string, claimId: string, raw: SaveVerdictInput) {
  const input = saveVerdictSchema.parse(raw);
  const linkIds = input.links.map((l) => l.claimId);
  try {
    await db.$transaction(async (tx) => {
      await lockClaims(tx, [claimId, ...linkIds]);
      const claim = await tx.claim.findUnique({ where: { id: claimId }, select: { id: true, articleId: true, status: true, version: true } });
      if (!claim) throw new DomainError("not_found", "No claim has that id.");
      if (claim.version !== input.version) throw new Stale();
      await linkTargets(tx, claim, linkIds);

      const changedPartners: string[] = [];
      for (const l of input.links) if (await confirmPair(tx, actorId, claimId, l.claimId, l.relation)) changedPartners.push(l.claimId);
      await assertVerdictsHold(tx, changedPartners, claimId, actorId);
      const links = await confirmedLinks(tx, claimId);
      const problem = verdictCheck(input.verdict, links, input.rationale);
      if (problem) throw new DomainError("rule", problem, { verdict: input.verdict });

      const status = input.verdict.toUpperCase() as "CORROBORATED";
      const n = await tx.claim.updateMany({
        where: { id: claimId, version: input.version },
        data: { status, version: { increment: 1 }, needsReview: false, needsReviewReason: null, sourceChanged: false, awaitingApproval: true },
      });
      if (!n.count) throw new Stale();
      await recordEvent(tx, {
        claimId,
        actorId,
        verdict: status,
        previous: claim.status,
        rationale: input.rationale,
        linkedClaimIds: links.map((l) => l.claimId),
        kind: "VERDICT",
      });
      if (changedPartners.length) {
        const partners = await tx.claim.findMany({ where: { id: { in: changedPartners } }, select: { id: true, status: true } });
        for (const p of partners) {
          const relation = input.links.find((l) => l.claimId === p.id)!.relation;
          await recordEvent(tx, {
            claimId: p.id,
            actorId,
            verdict: p.status,
            previous: p.status,
            linkedClaimIds: [claimId],
            kind: "LINK",
            linkChange: relation === "supports" ? "LINKED_SUPPORTS" : "LINKED_CONTRADICTS",
          });
        }
        await bumpVersions(tx, changedPartners);
        await refreshSuggested(tx, [claimId, ...changedPartners]);
      }
      await tx.auditLog.create({
        data: {
          actorId,
          action: "claim.verdict",
          entity: "Claim",
          entityId: claimId,
          data: { previous: claim.status, verdict: status, version: input.version + 1, links: input.links, confirmedLinks: links.length },
        },
      });
    }, TX_OPTIONS);
  } catch (e) {
    if (e instanceof Stale) throw await staleClaimError(db, claimId);
    throw e;
  }
  const found = (await claimWithLinks(db, claimId))!;
  const page = presentClaimPage(found);
  return { claim: page.claim, links: page.links };
}
