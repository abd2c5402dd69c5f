import "server-only";
import type { Db } from "../db/client";
import { splitSentences } from "../extract/sentences";

const MAX_RESULTS = 20;
const CONTEXT = 60;

export type PassageHit = {
  articleId: string;
  outlet: string;
  title: string | null;
  // null: a sentence that is not a claim yet; linking it makes it one.
  claimId: string | null;
  start: number;
  end: number;
  text: string;
  prefix: string;
  suffix: string;
};

/**
 * Sentences of other outlets' articles that contain every word of the query. A sentence that
 * overlaps a claim is answered as that claim, so a link always lands on the existing claim.
 */
export async function searchPassages(db: Db, claimId: string, q: string): Promise<PassageHit[] | null> {
  const claim = await db.claim.findUnique({ where: { id: claimId }, select: { article: { select: { outletId: true } } } });
  if (!claim) return null;
  const terms = [...new Set(q.toLowerCase().split(/\s+/).filter(Boolean))].slice(0, 8);
  if (!terms.length) return [];
  const articles = await db.article.findMany({
    where: { outletId: { not: claim.article.outletId }, AND: terms.map((t) => ({ text: { contains: t, mode: "insensitive" as const } })) },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: MAX_RESULTS,
    select: { id: true, title: true, text: true, outlet: { select: { name: true } }, claims: { select: { id: true, start: true, end: true, text: true } } },
  });
  const hits: PassageHit[] = [];
  for (const a of articles) {
    const seen = new Set<string>();
    for (const s of splitSentences(a.text)) {
      const lowered = s.text.toLowerCase();
      if (!terms.every((t) => lowered.includes(t))) continue;
      const c = a.claims.find((x) => x.start < s.end && x.end > s.start);
      const [start, end, text] = c ? [c.start, c.end, c.text] : [s.start, s.end, s.text];
      if (c && seen.has(c.id)) continue;
      if (c) seen.add(c.id);
      hits.push({
        articleId: a.id,
        outlet: a.outlet.name,
        title: a.title,
        claimId: c?.id ?? null,
        start,
        end,
        text,
        prefix: a.text.slice(Math.max(0, start - CONTEXT), start),
        suffix: a.text.slice(end, end + CONTEXT),
      });
      if (hits.length >= MAX_RESULTS) return hits;
    }
  }
  return hits;
}
