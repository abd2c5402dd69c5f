import "server-only";
import type { Db } from "../db/client";
import { DomainError } from "../errors";
import { checkworthiness } from "../extract/checkworthy";
import { classifyKind, findAttribution } from "../extract/kinds";
import { recordEvent, type LinkChange } from "../verdicts/history";
import { assertVerdictsHold, bumpVersions, confirmPair, lockClaims, refreshSuggested, releasePair, TX_OPTIONS, type Relation, type Tx } from "../verdicts/pair";
import { Stale, staleClaimError } from "../verdicts/stale";
import type { LinkTarget } from "./schema";

const CONTEXT = 32;

async function mustFindClaim(tx: Tx, id: string, what = "No claim has that id.") {
  const c = await tx.claim.findUnique({ where: { id }, select: { id: true, articleId: true, status: true, version: true } });
  if (!c) throw new DomainError("not_found", what);
  return c;
}

/**
 * A passage of another article becomes a claim (unless it already is one) so it can be linked.
 * Surrounding whitespace is trimmed from the offsets; the text is exactly article.text[start, end).
 */
async function passageClaim(tx: Tx, articleId: string, start: number, end: number): Promise<{ id: string; created: boolean }> {
  const article = await tx.article.findUnique({ where: { id: articleId }, select: { id: true, text: true, currentVersion: true } });
  if (!article) throw new DomainError("not_found", "No article has that id.");
  if (end > article.text.length) throw new DomainError("rule", "That passage runs past the end of the article.");
  while (start < end && /\s/.test(article.text[start])) start++;
  while (end > start && /\s/.test(article.text[end - 1])) end--;
  if (start >= end) throw new DomainError("rule", "That passage is empty.");
  // Offsets index the current text: only claims placed on it count (docs/decisions/023).
  const anchoredVersion = article.currentVersion;
  const same = await tx.claim.findUnique({ where: { articleId_anchoredVersion_start_end: { articleId, anchoredVersion, start, end } }, select: { id: true } });
  if (same) return { id: same.id, created: false };
  const overlap = await tx.claim.findFirst({ where: { articleId, anchoredVersion, start: { lt: end }, end: { gt: start } }, select: { text: true } });
  if (overlap) throw new DomainError("rule", `That passage overlaps a claim of that article ("${overlap.text.slice(0, 80)}"): link that claim instead.`);
  const text = article.text.slice(start, end);
  const claim = await tx.claim.create({
    data: {
      articleId,
      anchoredVersion,
      text,
      start,
      end,
      prefix: article.text.slice(Math.max(0, start - CONTEXT), start),
      suffix: article.text.slice(end, end + CONTEXT),
      kind: classifyKind(text).toUpperCase() as "OTHER",
      checkworthiness: checkworthiness(text),
      attribution: findAttribution(text),
    },
    select: { id: true },
  });
  return { id: claim.id, created: true };
}

async function recordLinkChange(
  tx: Tx,
  actorId: string | null,
  claimId: string,
  otherId: string,
  change: Lowercase<LinkChange>,
  data: Record<string, unknown> = {},
) {
  const both = await tx.claim.findMany({ where: { id: { in: [claimId, otherId] } }, select: { id: true, status: true } });
  for (const c of both) {
    const partner = c.id === claimId ? otherId : claimId;
    await recordEvent(tx, {
      claimId: c.id,
      actorId,
      verdict: c.status,
      previous: c.status,
      linkedClaimIds: [partner],
      kind: "LINK",
      linkChange: change.toUpperCase() as LinkChange,
    });
  }
  const action = change.startsWith("linked") ? "claim.link" : change === "dismissed" ? "claim.dismiss" : "claim.unlink";
  await tx.auditLog.create({ data: { actorId, action, entity: "Claim", entityId: claimId, data: { otherClaimId: otherId, change, ...data } } });
}

// A stale change is refused with who changed what since (409), from committed data.
async function versioned<T>(db: Db, claimId: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof Stale) throw await staleClaimError(db, claimId);
    throw e;
  }
}

// After the locks: the claim must still be at the version the reviewer made the change against.
async function checkVersion(tx: Tx, claimId: string, version: number) {
  const now = await tx.claim.findUnique({ where: { id: claimId }, select: { version: true } });
  if (now && now.version !== version) throw new Stale();
}

async function versionOf(tx: Tx, claimId: string) {
  return (await tx.claim.findUniqueOrThrow({ where: { id: claimId }, select: { version: true } })).version;
}

/**
 * Links the claim to another claim, or to a passage of another article, in both directions and
 * confirmed, against the claim version the reviewer saw; a change bumps both claims' versions.
 * Re-linking with the same relation changes nothing and records nothing.
 */
export async function linkClaim(db: Db, actorId: string | null, claimId: string, target: LinkTarget) {
  return versioned(db, claimId, () =>
    db.$transaction(async (tx) => {
      const claim = await mustFindClaim(tx, claimId);
      let otherId: string;
      let created = false;
      if ("claimId" in target) otherId = target.claimId;
      else {
        if (target.articleId === claim.articleId) throw new DomainError("rule", "A claim cannot be linked to a passage of its own article.");
        ({ id: otherId, created } = await passageClaim(tx, target.articleId, target.start, target.end));
      }
      await lockClaims(tx, [claimId, otherId]);
      await checkVersion(tx, claimId, target.version);
      const other = await mustFindClaim(tx, otherId, "The claim to link does not exist.");
      if (other.articleId === claim.articleId) throw new DomainError("rule", "A claim cannot be linked to a claim of its own article.");
      const relation: Relation = target.relation;
      const changed = await confirmPair(tx, actorId, claimId, otherId, relation);
      if (changed) {
        await assertVerdictsHold(tx, [claimId, otherId], claimId, actorId);
        await recordLinkChange(tx, actorId, claimId, otherId, relation === "supports" ? "linked_supports" : "linked_contradicts", {
          relation,
          createdClaim: created,
          version: target.version,
        });
        await refreshSuggested(tx, [claimId, otherId]);
        await bumpVersions(tx, [claimId, otherId]);
      }
      return { claimId, otherClaimId: otherId, relation, changed, createdClaim: created, version: await versionOf(tx, claimId) };
    }, TX_OPTIONS),
  );
}

/** Dismisses a suggestion (REJECTED) or unlinks a confirmed link, in both directions, versioned like linkClaim. */
export async function removeLink(db: Db, actorId: string | null, claimId: string, otherId: string, version: number) {
  return versioned(db, claimId, () =>
    db.$transaction(async (tx) => {
      await mustFindClaim(tx, claimId);
      await lockClaims(tx, [claimId, otherId]);
      await checkVersion(tx, claimId, version);
      const change = await releasePair(tx, claimId, otherId);
      if (change) {
        await assertVerdictsHold(tx, [claimId, otherId], claimId, actorId);
        await recordLinkChange(tx, actorId, claimId, otherId, change, { version });
        await refreshSuggested(tx, [claimId, otherId]);
        await bumpVersions(tx, [claimId, otherId]);
      }
      return { claimId, otherClaimId: otherId, change, version: await versionOf(tx, claimId) };
    }, TX_OPTIONS),
  );
}
