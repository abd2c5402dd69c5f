import "server-only";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { CurationAction } from "../db/generated/enums";
import { DomainError } from "../errors";
import { describeSpan } from "../extract/extract";
import { lockClaims, refreshSuggested, TX_OPTIONS, type Tx } from "../verdicts/pair";
import { snapSpan, type Span } from "./span";
import type { AddClaimInput, SetAsideInput, SpanInput } from "./schema";

// Reviewers curate claims (docs/decisions/016): every change checks the version the reviewer saw,
// writes a ClaimEdit and an audit row in the same transaction, and a change of a claim's words
// drops its machine suggestions and queues those claims alone for matching again.

export type Enqueue = (articleId: string, claimIds?: string[]) => Promise<unknown>;
type Opts = { enqueue?: Enqueue };
const snapshotFields = { text: true, start: true, end: true, setAside: true, status: true, mergedIntoId: true } as const;
type Snapshot = Prisma.ClaimGetPayload<{ select: typeof snapshotFields }>;

async function lockedClaim(tx: Tx, id: string, version?: number) {
  await lockClaims(tx, [id]);
  const claim = await tx.claim.findUnique({
    where: { id },
    select: { ...snapshotFields, id: true, version: true, articleId: true, anchoredVersion: true, article: { select: { text: true, currentVersion: true } } },
  });
  if (!claim) throw new DomainError("not_found", "No claim has that id.");
  if (version !== undefined && claim.version !== version)
    throw new DomainError("stale", "Someone changed this claim after you opened it. Reload to see their change, then try again.", { version: claim.version });
  return claim;
}

async function record(
  tx: Tx,
  actorId: string,
  claimId: string,
  action: CurationAction,
  before: Snapshot | null,
  after: Partial<Snapshot> | null,
  note?: string | null,
) {
  const json = (v: unknown) => (v === null ? Prisma.DbNull : (v as Prisma.InputJsonValue));
  await tx.claimEdit.create({ data: { claimId, actorId, action, before: json(before), after: json(after), note: note ?? null } });
  await tx.auditLog.create({
    data: { actorId, action: `claim.${action}`, entity: "Claim", entityId: claimId, data: { before, after, note: note ?? null } as Prisma.InputJsonValue },
  });
}

const pick = (c: Snapshot): Snapshot => ({ text: c.text, start: c.start, end: c.end, setAside: c.setAside, status: c.status, mergedIntoId: c.mergedIntoId });

// The machine's suggestions were for the old words: drop them (in both directions) so the match job
// suggests afresh. Links a reviewer confirmed, rejected or made stay.
async function dropSuggestions(tx: Tx, ids: string[]) {
  const gone = await tx.$queryRaw<{ fromClaimId: string; toClaimId: string }[]>`
    DELETE FROM "ClaimLink" WHERE ("fromClaimId" = ANY(${ids}::uuid[]) OR "toClaimId" = ANY(${ids}::uuid[]))
      AND state = 'SUGGESTED' AND origin = 'SUGGESTED'
    RETURNING "fromClaimId", "toClaimId"`;
  await refreshSuggested(tx, [...ids, ...gone.flatMap((g) => [g.fromClaimId, g.toClaimId])]);
}

// Only claims placed on the article's current text occupy it (docs/decisions/023).
async function assertFree(tx: Tx, articleId: string, version: number, span: Span, except: string[] = []) {
  const other = await tx.claim.findFirst({
    where: { articleId, anchoredVersion: version, id: { notIn: except }, start: { lt: span.end }, end: { gt: span.start } },
    select: { text: true },
  });
  if (other) throw new DomainError("conflict", `That text overlaps the claim "${other.text.slice(0, 80)}". Adjust or split that claim instead.`);
}

function spanOrRefuse(text: string, sel: Span, snap: "sentence" | "exact"): Span {
  const span = snapSpan(text, sel, snap);
  if (!span) throw new DomainError("rule", "That selection holds no sentence of the article, or is longer than a claim may be.");
  return span;
}

function claimData(text: string, span: Span) {
  const d = describeSpan(text, span.start, span.end);
  return {
    text: d.text,
    start: d.start,
    end: d.end,
    prefix: d.prefix,
    suffix: d.suffix,
    kind: d.kind.toUpperCase() as "OTHER",
    checkworthiness: d.checkworthiness,
    attribution: d.attribution,
    context: d.context,
  };
}

async function after<T>(articleId: string | null, opts: Opts, result: T, claimIds?: string[]): Promise<T> {
  if (articleId)
    await opts.enqueue?.(articleId, claimIds)?.catch((e: Error) => console.error(`[curation] could not queue matching for ${articleId}: ${e.message}`));
  return result;
}

export async function setAsideClaim(db: Db, actorId: string, id: string, input: SetAsideInput) {
  return db.$transaction(async (tx) => {
    const c = await lockedClaim(tx, id, input.version);
    const reason = input.reason.toUpperCase() as "OPINION";
    await tx.claim.update({ where: { id }, data: { setAside: reason, setAsideNote: input.note ?? null, version: { increment: 1 } } });
    await record(tx, actorId, id, "set_aside", pick(c), { setAside: reason }, input.note);
    return { id, version: c.version + 1 };
  }, TX_OPTIONS);
}

export async function restoreClaim(db: Db, actorId: string, id: string, input: { version: number }) {
  return db.$transaction(async (tx) => {
    const c = await lockedClaim(tx, id, input.version);
    if (!c.setAside) throw new DomainError("conflict", "This claim is in the queue already.");
    await tx.claim.update({ where: { id }, data: { setAside: null, setAsideNote: null, mergedIntoId: null, version: { increment: 1 } } });
    await record(tx, actorId, id, "restore", pick(c), { setAside: null, mergedIntoId: null });
    return { id, version: c.version + 1 };
  }, TX_OPTIONS);
}

// The claim's words always come from the article's text at the new offsets.
export async function adjustClaimSpan(db: Db, actorId: string, id: string, input: SpanInput, opts: Opts = {}) {
  const res = await db.$transaction(async (tx) => {
    const c = await lockedClaim(tx, id, input.version);
    const span = spanOrRefuse(c.article.text, input, input.snap);
    if (span.start === c.start && span.end === c.end) return { id, version: c.version, articleId: null };
    await assertFree(tx, c.articleId, c.article.currentVersion, span, [id]);
    // A claim left on an earlier version (its words changed or gone) is placed on the current text by hand.
    const data = { ...claimData(c.article.text, span), anchoredVersion: c.article.currentVersion };
    await tx.claim.update({ where: { id }, data: { ...data, version: { increment: 1 } } });
    await dropSuggestions(tx, [id]);
    await record(tx, actorId, id, "span", pick(c), { text: data.text, start: span.start, end: span.end });
    return { id, version: c.version + 1, articleId: c.articleId };
  }, TX_OPTIONS);
  return after(res.articleId, opts, { id: res.id, version: res.version }, [res.id]);
}

// The first part keeps the claim (its links, verdict and history); the second becomes a new claim.
export async function splitClaim(db: Db, actorId: string, id: string, input: { version: number; at: number }, opts: Opts = {}) {
  const res = await db.$transaction(async (tx) => {
    const c = await lockedClaim(tx, id, input.version);
    if (c.anchoredVersion !== c.article.currentVersion)
      throw new DomainError("rule", "This claim's words are from an earlier version of the article: adjust its span onto the current text first.");
    const first = snapSpan(c.article.text, { start: c.start, end: input.at }, "exact");
    const second = snapSpan(c.article.text, { start: input.at, end: c.end }, "exact");
    if (input.at <= c.start || input.at >= c.end || !first || !second) throw new DomainError("rule", "Split inside the claim, leaving words on both sides.");
    await tx.claim.update({ where: { id }, data: { ...claimData(c.article.text, first), version: { increment: 1 } } });
    const created = await tx.claim.create({
      data: { articleId: c.articleId, origin: "REVIEWER", anchoredVersion: c.article.currentVersion, ...claimData(c.article.text, second) },
      select: { id: true, text: true },
    });
    await dropSuggestions(tx, [id]);
    await record(
      tx,
      actorId,
      id,
      "split",
      pick(c),
      { start: first.start, end: first.end, text: c.article.text.slice(first.start, first.end) },
      `Second part: ${created.id}`,
    );
    await record(tx, actorId, created.id, "split_from", null, { start: second.start, end: second.end, text: created.text }, `Split from ${id}`);
    return { id, newId: created.id, version: c.version + 1, articleId: c.articleId };
  }, TX_OPTIONS);
  return after(res.articleId, opts, { id: res.id, newId: res.newId, version: res.version }, [res.id, res.newId]);
}

/**
 * Merges a duplicate into the claim kept: the duplicate's links move to the kept claim (a link
 * the duplicate had confirmed stays confirmed), and the duplicate stays on its article, set aside
 * as a duplicate with its own history, pointing at the kept claim.
 */
export async function mergeClaim(db: Db, actorId: string, id: string, input: { version: number; into: string; intoVersion: number }) {
  if (id === input.into) throw new DomainError("rule", "A claim cannot be merged into itself.");
  return db.$transaction(async (tx) => {
    await lockClaims(tx, [id, input.into]);
    const dup = await lockedClaim(tx, id, input.version);
    const keep = await lockedClaim(tx, input.into, input.intoVersion);
    if (dup.articleId !== keep.articleId) throw new DomainError("rule", "Only claims of the same article can be merged.");
    if (keep.setAside) throw new DomainError("conflict", "The claim to keep is set aside; restore it first.");
    const [d, k] = [id, input.into];
    // Promote the kept claim's link where the duplicate's was confirmed, then move what the kept claim lacks.
    await tx.$executeRaw`
      UPDATE "ClaimLink" kl SET state = 'CONFIRMED', relation = dl.relation, origin = dl.origin, version = kl.version + 1, "updatedAt" = now()
      FROM "ClaimLink" dl
      WHERE dl.state = 'CONFIRMED' AND kl.state <> 'CONFIRMED'
        AND ((dl."fromClaimId" = ${d}::uuid AND kl."fromClaimId" = ${k}::uuid AND kl."toClaimId" = dl."toClaimId")
          OR (dl."toClaimId" = ${d}::uuid AND kl."toClaimId" = ${k}::uuid AND kl."fromClaimId" = dl."fromClaimId"))`;
    await tx.$executeRaw`
      UPDATE "ClaimLink" l SET "fromClaimId" = ${k}::uuid, version = l.version + 1, "updatedAt" = now()
      WHERE l."fromClaimId" = ${d}::uuid AND l."toClaimId" <> ${k}::uuid
        AND NOT EXISTS (SELECT 1 FROM "ClaimLink" x WHERE x."fromClaimId" = ${k}::uuid AND x."toClaimId" = l."toClaimId")`;
    await tx.$executeRaw`
      UPDATE "ClaimLink" l SET "toClaimId" = ${k}::uuid, version = l.version + 1, "updatedAt" = now()
      WHERE l."toClaimId" = ${d}::uuid AND l."fromClaimId" <> ${k}::uuid
        AND NOT EXISTS (SELECT 1 FROM "ClaimLink" x WHERE x."toClaimId" = ${k}::uuid AND x."fromClaimId" = l."fromClaimId")`;
    const leftovers = await tx.$queryRaw<{ fromClaimId: string; toClaimId: string }[]>`
      DELETE FROM "ClaimLink" WHERE "fromClaimId" = ${d}::uuid OR "toClaimId" = ${d}::uuid RETURNING "fromClaimId", "toClaimId"`;
    const partners = await tx.claimLink.findMany({ where: { fromClaimId: k }, select: { toClaimId: true } });
    await refreshSuggested(tx, [k, d, ...partners.map((p) => p.toClaimId), ...leftovers.flatMap((l) => [l.fromClaimId, l.toClaimId])]);
    await tx.claim.update({ where: { id: d }, data: { setAside: "DUPLICATE", mergedIntoId: k, version: { increment: 1 } } });
    await tx.claim.update({ where: { id: k }, data: { version: { increment: 1 } } });
    await record(tx, actorId, d, "merge_into", pick(dup), { setAside: "DUPLICATE", mergedIntoId: k }, `Merged into ${k}`);
    await record(tx, actorId, k, "merge", pick(keep), null, `Kept; ${d} merged into it`);
    return { id: k, version: keep.version + 1, merged: d };
  }, TX_OPTIONS);
}

export async function addClaim(db: Db, actorId: string, input: AddClaimInput, opts: Opts = {}) {
  const res = await db.$transaction(async (tx) => {
    const article = await tx.article.findUnique({ where: { id: input.articleId }, select: { id: true, text: true, currentVersion: true } });
    if (!article) throw new DomainError("not_found", "No article has that id.");
    const span = spanOrRefuse(article.text, input, input.snap);
    await assertFree(tx, article.id, article.currentVersion, span);
    const c = await tx.claim.create({
      data: { articleId: article.id, origin: "REVIEWER", anchoredVersion: article.currentVersion, ...claimData(article.text, span) },
      select: { id: true, text: true, start: true, end: true },
    });
    await record(tx, actorId, c.id, "add", null, { text: c.text, start: c.start, end: c.end });
    return c;
  }, TX_OPTIONS);
  return after(input.articleId, opts, { id: res.id, text: res.text }, [res.id]);
}

/**
 * Removes claims for good, with their links and history. The history is first copied into the
 * audit log (returned for the caller's audit row); then the transaction alone may delete history
 * rows (the append-only triggers honour triangulate.purge, docs/decisions/017).
 */
export async function purgeClaims(tx: Tx, ids: string[]) {
  if (!ids.length) return [];
  const [claims, verdicts, edits, links] = await Promise.all([
    tx.claim.findMany({ where: { id: { in: ids } }, select: { id: true, text: true, status: true } }),
    tx.verdictEvent.findMany({
      where: { claimId: { in: ids } },
      orderBy: { at: "asc" },
      select: { claimId: true, actorId: true, verdict: true, previous: true, rationale: true, linkedClaimIds: true, at: true },
    }),
    tx.claimEdit.findMany({
      where: { claimId: { in: ids } },
      orderBy: { at: "asc" },
      select: { claimId: true, actorId: true, action: true, note: true, at: true },
    }),
    tx.claimLink.findMany({
      where: { OR: [{ fromClaimId: { in: ids } }, { toClaimId: { in: ids } }] },
      select: { fromClaimId: true, toClaimId: true, state: true, relation: true },
    }),
  ]);
  // History goes only with its claims, through a function the app's role may call but whose
  // deletes it could not make itself (prisma/migrations/20261201500000_purge_claims_function).
  await tx.$executeRaw`SELECT purge_claims(${ids}::uuid[])`;
  const gone = new Set(ids);
  await refreshSuggested(
    tx,
    links.flatMap((l) => [l.fromClaimId, l.toClaimId]).filter((x) => !gone.has(x)),
  );
  return claims.map((c) => ({
    ...c,
    verdicts: verdicts.filter((v) => v.claimId === c.id).map(({ claimId: _, at, ...v }) => ({ ...v, at: at.toISOString() })),
    edits: edits.filter((e) => e.claimId === c.id).map(({ claimId: _, at, ...e }) => ({ ...e, at: at.toISOString() })),
    confirmedLinks: links.filter((l) => l.state === "CONFIRMED" && l.fromClaimId === c.id).map((l) => ({ claimId: l.toClaimId, relation: l.relation })),
  }));
}

export function refuseReviewed(claims: { status: string }[], force: { force?: boolean; reason?: string }, what: string) {
  const reviewed = claims.filter((c) => c.status !== "UNREVIEWED").length;
  if (reviewed && !force.force)
    throw new DomainError(
      "conflict",
      `${reviewed} claim${reviewed === 1 ? " has a verdict" : "s have verdicts"}. Delete ${what} anyway only with a reason (force).`,
      { reviewed },
    );
  if (force.force && !force.reason) throw new DomainError("bad_input", "Give the reason for deleting reviewed claims.");
}

// Admins only: a junk claim goes with its links and history (kept in the audit log).
export async function deleteClaim(db: Db, actorId: string, id: string, input: { force?: boolean; reason?: string }) {
  return db.$transaction(async (tx) => {
    const c = await lockedClaim(tx, id);
    refuseReviewed([c], input, "this claim");
    const [snapshot] = await purgeClaims(tx, [id]);
    await tx.auditLog.create({
      data: {
        actorId,
        action: "claim.delete",
        entity: "Claim",
        entityId: id,
        data: { articleId: c.articleId, reason: input.reason ?? null, forced: !!input.force, claim: snapshot } as Prisma.InputJsonValue,
      },
    });
    return { id, deleted: true };
  }, TX_OPTIONS);
}
