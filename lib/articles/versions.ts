import "server-only";
import type { Db, Tx } from "../db/client";
import { Prisma } from "../db/generated/client";
import { DomainError } from "../errors";
import { lockClaims, TX_OPTIONS } from "../verdicts/pair";
import { recordEvent } from "../verdicts/history";
import { extractClaimsInSlices } from "../extract/slices";
import { cleanArticle } from "./clean";
import { anchorClaims, contextOf, type Anchor } from "./anchor";
import { changeNote, type SourceChange } from "./source-change";
import { insertClaims } from "./insert-claims";
import { contentHash, sha256, threshold, type FetchedSource } from "./mutations";
import { articleText, fetchedSource, fetchPage, type UrlImportOptions } from "./import-url";
import { articleEventDates } from "../match/pair/analyze";

// Re-fetching an article (docs/decisions/023): a page whose article text changed becomes a new
// version of the same article; every claim placed on the old text is re-anchored on the new one.
// Claims whose words are found again move and keep their verdicts; claims whose words changed or
// are gone stay on the version they were taken from and are flagged "source changed".

export type RefetchResult = {
  articleId: string;
  changed: boolean;
  version: number;
  status: number;
  moved: number;
  flagged: string[];
  added: string[];
};

/** The version rows of an article imported before versions were kept: version 1 is its text. */
async function ensureCurrentVersion(tx: Tx, a: { id: string; text: string; contentHash: string; currentVersion: number }) {
  const has = await tx.articleVersion.count({ where: { articleId: a.id, number: a.currentVersion } });
  if (!has) await tx.articleVersion.create({ data: { articleId: a.id, number: a.currentVersion, text: a.text, contentHash: a.contentHash } });
}

async function flagClaim(
  tx: Tx,
  actorId: string | null,
  claim: { id: string; status: Prisma.ClaimGetPayload<{ select: { status: true } }>["status"] },
  change: SourceChange,
) {
  const note = changeNote(change);
  await tx.claim.update({
    where: { id: claim.id },
    data: { sourceChanged: true, sourceChange: change as unknown as Prisma.InputJsonValue, version: { increment: 1 } },
  });
  await recordEvent(tx, {
    claimId: claim.id,
    actorId,
    verdict: claim.status,
    previous: claim.status,
    reason: note,
    linkedClaimIds: [],
    kind: "SOURCE_CHANGED",
  });
  await tx.auditLog.create({
    data: { actorId, action: "claim.source_changed", entity: "Claim", entityId: claim.id, data: change as unknown as Prisma.InputJsonValue },
  });
}

/**
 * Writes a new version from a fetched page: the snapshot, the version, the re-anchored claims and
 * the new claims of text no claim stands on. Returns null when the article text did not change.
 */
export async function addVersion(db: Db, actorId: string | null, articleId: string, fetched: FetchedSource) {
  const { text: plain } = articleText(fetched.html);
  const cleaned = cleanArticle(plain);
  const hash = contentHash(cleaned.text);
  const before = await db.article.findUnique({ where: { id: articleId }, select: { contentHash: true } });
  if (!before) throw new DomainError("not_found", "No such article.");
  if (before.contentHash === hash) return null;
  const twin = await db.article.findUnique({ where: { contentHash: hash }, select: { id: true } });
  if (twin) throw new DomainError("conflict", "The page now holds the same text as another article of the desk.", { articleId: twin.id });
  const extracted = await extractClaimsInSlices(cleaned.text, { threshold: await threshold(db) });
  const now = new Date();

  return db.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Article" WHERE id = ${articleId}::uuid FOR UPDATE`;
      const a = await tx.article.findUniqueOrThrow({
        where: { id: articleId },
        select: { id: true, text: true, contentHash: true, currentVersion: true, publishedAt: true },
      });
      if (a.contentHash === hash) return null;
      await ensureCurrentVersion(tx, a);
      const next = a.currentVersion + 1;
      const { html, ...rest } = fetched;
      const snap = await tx.articleSnapshot.create({ data: { articleId, ...rest, html, contentHash: sha256(html) }, select: { id: true } });
      await tx.articleVersion.create({ data: { articleId, number: next, text: cleaned.text, contentHash: hash, snapshotId: snap.id } });

      const claims = await tx.claim.findMany({
        where: { articleId, anchoredVersion: a.currentVersion },
        select: { id: true, text: true, start: true, end: true, prefix: true, suffix: true, status: true },
      });
      await lockClaims(
        tx,
        claims.map((c) => c.id),
      );
      await tx.$executeRaw`SET CONSTRAINTS "Claim_articleId_anchoredVersion_start_end_key" DEFERRED`;
      const anchors = anchorClaims(cleaned.text, claims);
      const placed: { start: number; end: number }[] = [];
      const flagged: string[] = [];
      let moved = 0;
      for (const c of claims) {
        const anchor = anchors.get(c.id) as Anchor;
        if (anchor.kind === "exact") {
          await tx.claim.update({
            where: { id: c.id },
            data: { start: anchor.start, end: anchor.end, ...contextOf(cleaned.text, anchor.start, anchor.end), anchoredVersion: next },
          });
          placed.push(anchor);
          if (anchor.start !== c.start) moved++;
          continue;
        }
        if (anchor.kind === "changed") placed.push(anchor);
        await flagClaim(tx, actorId, c, {
          kind: anchor.kind,
          fromVersion: a.currentVersion,
          toVersion: next,
          before: c.text,
          after: anchor.kind === "changed" ? anchor.text : null,
          similarity: anchor.kind === "changed" ? anchor.similarity : null,
          at: now.toISOString(),
        });
        flagged.push(c.id);
      }
      // New sentences (a paragraph added) become claims; text a kept or changed claim stands on does not.
      const fresh = extracted.filter((e) => !placed.some((p) => p.start < e.end && e.start < p.end));
      const before = new Set((await tx.claim.findMany({ where: { articleId }, select: { id: true } })).map((c) => c.id));
      await insertClaims(tx, articleId, fresh, next);
      const added = (await tx.claim.findMany({ where: { articleId, anchoredVersion: next }, select: { id: true } }))
        .map((c) => c.id)
        .filter((id) => !before.has(id));
      // Every claim of the article is read with the dates its article names (decision 036): when
      // those change, all of its claims are matched again, not only the new ones.
      const datesKey = (text: string) =>
        articleEventDates(text, a.publishedAt)
          .map((d) => `${d.y}-${d.m}-${d.d}`)
          .sort()
          .join(",");
      const rematch = datesKey(a.text) !== datesKey(cleaned.text) ? [...before, ...added] : added;
      await tx.article.update({
        where: { id: articleId },
        data: {
          text: cleaned.text,
          rawText: plain,
          contentHash: hash,
          currentVersion: next,
          lastFetchedAt: fetched.fetchedAt,
          fetchError: null,
          wireCredit: cleaned.wireCredit ?? undefined,
          ...(rematch.length ? { matching: "PENDING", matchingError: null } : {}),
        },
      });
      await tx.auditLog.create({
        data: {
          actorId,
          action: "article.version",
          entity: "Article",
          entityId: articleId,
          data: { version: next, snapshotId: snap.id, moved, flagged: flagged.length, added: added.length, finalUrl: fetched.finalUrl },
        },
      });
      return { version: next, moved, flagged, added, rematch };
    },
    { ...TX_OPTIONS, timeout: 30_000 + claimsBudget(extracted.length) },
  );
}

const claimsBudget = (n: number) => Math.ceil(n / 1000) * 5_000;

/**
 * Fetches an article's address again (on demand or on the schedule) with a conditional request.
 * An unchanged page only records the fetch; a failure is kept on the article and thrown.
 */
export async function refetchArticle(
  db: Db,
  opts: {
    articleId: string;
    actorId: string | null;
    enqueue?: (articleId: string, claimIds: string[]) => Promise<unknown>;
    fetchOptions?: UrlImportOptions["fetchOptions"];
  },
): Promise<RefetchResult> {
  const a = await db.article.findUnique({
    where: { id: opts.articleId },
    select: {
      id: true,
      fetchUrl: true,
      url: true,
      currentVersion: true,
      snapshots: { orderBy: { fetchedAt: "desc" }, take: 1, select: { etag: true, lastModified: true, contentHash: true } },
    },
  });
  if (!a) throw new DomainError("not_found", "No such article.");
  const url = a.fetchUrl ?? a.url;
  if (!url) throw new DomainError("rule", "This article has no address to fetch it from.");
  const last = a.snapshots[0];
  const headers: Record<string, string> = {};
  if (last?.etag) headers["If-None-Match"] = last.etag;
  if (last?.lastModified) headers["If-Modified-Since"] = last.lastModified;
  const unchanged = (status: number) => ({ articleId: a.id, changed: false, version: a.currentVersion, status, moved: 0, flagged: [], added: [] });
  let res;
  try {
    res = await fetchPage(url, { ...opts.fetchOptions, headers });
  } catch (e) {
    await db.article.update({ where: { id: a.id }, data: { lastFetchedAt: new Date(), fetchError: (e as Error).message.slice(0, 500) } });
    throw e;
  }
  if (res.status === 304 || (last && sha256(res.body) === last.contentHash)) {
    await db.article.update({ where: { id: a.id }, data: { lastFetchedAt: new Date(), fetchError: null } });
    return unchanged(res.status);
  }
  const out = await addVersion(db, opts.actorId, a.id, fetchedSource(url, res));
  if (!out) {
    await db.article.update({ where: { id: a.id }, data: { lastFetchedAt: new Date(), fetchError: null } });
    return unchanged(res.status);
  }
  if (out.rematch.length)
    await opts.enqueue?.(a.id, out.rematch)?.catch((e: Error) => console.error(`[refetch] could not queue matching for ${a.id}: ${e.message}`));
  return { articleId: a.id, changed: true, version: out.version, status: res.status, moved: out.moved, flagged: out.flagged, added: out.added };
}
