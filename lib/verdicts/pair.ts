import "server-only";
import type { Db } from "../db/client";
import { DomainError } from "../errors";
import { isIndependent } from "../match/independence";
import { scorePassages } from "../match/pair/model";
import { articleEventDates } from "../match/pair/analyze";
import { EVIDENCE_SOURCE, suggestVerdict, verdictLink } from "../match/verdict";
import { justificationNeeded, verdictProblem, VERDICT_LABEL, type ConfirmedLink, type Verdict } from "./rules";
import { flagForReview } from "./flags";

// Transaction helpers shared by link changes (lib/links/mutations) and verdicts (lib/verdicts/mutations).
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
export const TX_OPTIONS = { timeout: 20_000, maxWait: 15_000 };

export type Relation = "supports" | "contradicts";
const REL = { supports: "SUPPORTS", contradicts: "CONTRADICTS" } as const;

export const lower = <T extends string>(s: T) => s.toLowerCase() as Lowercase<T>;

/**
 * Every write that touches a claim's links or verdict first locks the claims involved, in id order,
 * so concurrent saves and link changes queue behind each other instead of deadlocking, and the
 * verdict rules are checked against links no one else is changing.
 */
export async function lockClaims(tx: Tx, ids: string[]) {
  const unique = [...new Set(ids)];
  await tx.$queryRaw`SELECT id FROM "Claim" WHERE id = ANY(${unique}::uuid[]) ORDER BY id FOR UPDATE`;
}

async function pairIndependence(tx: Tx, a: string, b: string): Promise<boolean> {
  const rows = await tx.claim.findMany({
    where: { id: { in: [a, b] } },
    select: { article: { select: { outletId: true, wireCredit: true, text: true, outlet: { select: { originGroup: true } } } } },
  });
  const [x, y] = rows.map(({ article: s }) => ({ outletId: s.outletId, originGroup: s.outlet.originGroup, wireCredit: s.wireCredit, articleText: s.text }));
  return isIndependent(x, y);
}

// A reviewer's own link still gets the pair model's reading (the same function matching calls), so
// the link shows a score and the reasons the machine saw, and where it read the pair differently.
async function machineReading(tx: Tx, a: string, b: string, relation: Relation): Promise<{ score: number; reasons: string[] }> {
  const rows = await tx.claim.findMany({
    where: { id: { in: [a, b] } },
    select: { id: true, text: true, attribution: true, article: { select: { publishedAt: true, text: true } } },
  });
  const side = (id: string) => {
    const c = rows.find((r) => r.id === id)!;
    const { publishedAt, text } = c.article;
    return { text: c.text, publishedAt, attribution: c.attribution, articleDates: articleEventDates(text, publishedAt) };
  };
  const r = scorePassages(side(a), side(b));
  const note = r.relation === relation ? [] : [`the pair model read this pair as ${r.relation === "none" ? "neither support nor contradiction" : r.relation}`];
  return { score: r.relation === relation ? r.score : Math.round(r.probs[relation] * 100) / 100, reasons: [...note, ...r.reasons] };
}

function pairRows(tx: Tx, a: string, b: string) {
  return tx.claimLink.findMany({
    where: {
      OR: [
        { fromClaimId: a, toClaimId: b },
        { fromClaimId: b, toClaimId: a },
      ],
    },
  });
}

/**
 * Confirms the link a→b and its reverse b→a with the given relation: a stored suggestion is
 * updated in place (versioned), a missing row is created as the reviewer's own. Returns whether
 * anything changed.
 */
export async function confirmPair(tx: Tx, actorId: string | null, a: string, b: string, relation: Relation): Promise<boolean> {
  const rows = await pairRows(tx, a, b);
  const rel = REL[relation];
  const template = rows.find((r) => r.fromClaimId === a) ?? rows[0];
  let independent = template?.independent;
  let reading: { score: number; reasons: string[] } | undefined;
  // A link's score is always the model's reading of its own relation: the suggested verdict weighs
  // it (decision 035), and an unlinked pair goes back to being a suggestion with that relation.
  const readingFor = async () =>
    (reading ??= template?.relation === rel ? { score: template.score, reasons: template.reasons } : await machineReading(tx, a, b, relation));
  let changed = false;
  for (const [from, to] of [
    [a, b],
    [b, a],
  ] as const) {
    const row = rows.find((r) => r.fromClaimId === from && r.toClaimId === to);
    if (row?.state === "CONFIRMED" && row.relation === rel) continue;
    if (row) {
      const n = await tx.claimLink.updateMany({
        where: { id: row.id, version: row.version },
        data: {
          state: "CONFIRMED",
          relation: rel,
          ...(row.relation === rel ? {} : await readingFor()),
          version: { increment: 1 },
          confirmedAt: new Date(),
          confirmedById: actorId,
          ...(row.origin === "REVIEWER" ? { createdById: actorId } : {}),
        },
      });
      if (!n.count) throw new DomainError("conflict", "That link changed while you were saving. Reload and try again.");
    } else {
      independent ??= await pairIndependence(tx, a, b);
      const r = await readingFor();
      await tx.claimLink.create({
        data: {
          fromClaimId: from,
          toClaimId: to,
          relation: rel,
          origin: "REVIEWER",
          state: "CONFIRMED",
          score: r.score,
          reasons: r.reasons,
          independent,
          createdById: actorId,
          confirmedAt: new Date(),
          confirmedById: actorId,
        },
      });
    }
    changed = true;
  }
  return changed;
}

/**
 * Takes the pair out of the evidence: a confirmed link goes back to being a suggestion when the
 * matcher proposed it (a reviewer's own link is rejected); a suggestion is rejected (dismissed).
 */
export async function releasePair(tx: Tx, a: string, b: string): Promise<"unlinked" | "dismissed" | null> {
  const rows = await pairRows(tx, a, b);
  const forward = rows.find((r) => r.fromClaimId === a);
  if (!forward) throw new DomainError("not_found", "There is no link or suggestion between these claims.");
  if (forward.state === "REJECTED") return null;
  const kind = forward.state === "CONFIRMED" ? "unlinked" : "dismissed";
  for (const row of rows) {
    if (row.state !== forward.state) continue;
    const state = kind === "unlinked" && row.origin === "SUGGESTED" ? "SUGGESTED" : "REJECTED";
    const n = await tx.claimLink.updateMany({
      where: { id: row.id, version: row.version },
      data: { state, version: { increment: 1 }, confirmedAt: null, confirmedById: null },
    });
    if (!n.count) throw new DomainError("conflict", "That link changed while you were saving. Reload and try again.");
  }
  return kind;
}

export async function confirmedLinks(tx: Tx, claimId: string) {
  const rows = await tx.claimLink.findMany({
    where: { fromClaimId: claimId, state: "CONFIRMED" },
    select: { toClaimId: true, relation: true, independent: true },
  });
  return rows.map((r) => ({ claimId: r.toClaimId, relation: lower(r.relation), independent: r.independent })) satisfies (ConfirmedLink & { claimId: string })[];
}

/**
 * A link change may not pull the ground from under a verdict already given: one that breaks a
 * verdict's rule is refused. One that adds evidence against a verdict (a contradiction beside
 * Corroborated, independent support beside Contradicted) is allowed, and the claim is flagged
 * "needs re-review": its rationale was written without that evidence (docs/decisions/014).
 */
export async function assertVerdictsHold(tx: Tx, claimIds: string[], actingId: string, actorId: string | null = null) {
  const claims = await tx.claim.findMany({ where: { id: { in: claimIds } }, select: { id: true, status: true, text: true, needsReview: true } });
  for (const c of claims) {
    if (c.status === "UNREVIEWED") continue;
    const verdict = lower(c.status) as Verdict;
    const links = await confirmedLinks(tx, c.id);
    const problem = verdictProblem(verdict, links);
    if (problem) {
      const which = actingId === c.id ? "this claim" : `the linked claim "${c.text.slice(0, 80)}"`;
      throw new DomainError("rule", `That would break the ${VERDICT_LABEL[verdict]} verdict of ${which}. ${problem}`);
    }
    const against = justificationNeeded(verdict, links);
    if (against && !c.needsReview) await flagForReview(tx, actorId, [c], `New evidence against the verdict. ${against}`);
  }
}

// Link changes and verdicts both move a claim's version: a form loaded before either is stale.
export async function bumpVersions(tx: Tx, ids: string[]) {
  await tx.claim.updateMany({ where: { id: { in: [...new Set(ids)] } }, data: { version: { increment: 1 } } });
}

// The stored suggested verdict follows every link that is not rejected (as the match job does).
// Read for all the claims at once, written with one statement per verdict.
export async function refreshSuggested(tx: Tx, claimIds: string[]) {
  const ids = [...new Set(claimIds)];
  if (!ids.length) return;
  const links = await tx.claimLink.findMany({
    where: { fromClaimId: { in: ids }, state: { not: "REJECTED" } },
    select: { fromClaimId: true, relation: true, independent: true, background: true, score: true, state: true, origin: true, ...EVIDENCE_SOURCE },
  });
  const byClaim = new Map(ids.map((id) => [id, [] as ReturnType<typeof verdictLink>[]]));
  for (const l of links) byClaim.get(l.fromClaimId)!.push(verdictLink(l));
  const verdicts = new Map<"CORROBORATED" | "SINGLE_SOURCED" | "CONTRADICTED", string[]>();
  for (const [id, ls] of byClaim) {
    const v = suggestVerdict(ls).toUpperCase() as "CORROBORATED" | "SINGLE_SOURCED" | "CONTRADICTED";
    verdicts.set(v, [...(verdicts.get(v) ?? []), id]);
  }
  for (const [v, of] of verdicts) await tx.claim.updateMany({ where: { id: { in: of }, suggestedVerdict: { not: v } }, data: { suggestedVerdict: v } });
}
