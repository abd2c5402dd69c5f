import type { Db } from "../lib/db/client";
import { article } from "../eval/bench/corpus";
import { importArticle } from "../lib/articles/mutations";

// A small desk where the same events are told by many outlets, so that articles matched at the same
// time share claims: 4 events, 9 articles each, 8 outlets (some of one wire group, some wire copies).
export const STORY_ARTICLES = Array.from({ length: 36 }, (_, i) => article(i, { outlets: 8, event: i % 4 }));

export async function importStories(db: Db, enqueue?: (id: string) => Promise<unknown>, count = STORY_ARTICLES.length): Promise<string[]> {
  const ids: string[] = [];
  for (const a of STORY_ARTICLES.slice(0, count)) {
    const res = await importArticle(db, null, { outlet: a.outlet, text: a.text, publishedAt: a.publishedAt.toISOString() }, { enqueue });
    ids.push(res.articleId);
  }
  return ids;
}

// Forgets every suggestion and verdict matching made, as if the articles had just been imported.
export async function unmatchAll(db: Db) {
  await db.claimLink.deleteMany({});
  await db.claim.updateMany({ data: { suggestedVerdict: "SINGLE_SOURCED" } });
  await db.article.updateMany({ data: { matching: "PENDING", matchedAt: null } });
}

/**
 * Everything matching decides, named by content (readable in a failure's diff): each link by its two claims (article content
 * hash and claim offset) with relation, score, reasons, independence, state and version; each
 * claim's suggested verdict; each article's matching state.
 */
export async function matchResult(db: Db) {
  const claims = await db.claim.findMany({ select: { id: true, start: true, suggestedVerdict: true, article: { select: { contentHash: true } } } });
  const name = new Map(claims.map((c) => [c.id, `${c.article.contentHash.slice(0, 12)}@${c.start}`]));
  const links = await db.claimLink.findMany({
    select: { fromClaimId: true, toClaimId: true, relation: true, score: true, reasons: true, independent: true, state: true, origin: true, version: true },
  });
  const articles = await db.article.findMany({ select: { contentHash: true, matching: true, matchingError: true } });
  return {
    links: links
      .map(({ fromClaimId, toClaimId, ...l }) => ({ from: name.get(fromClaimId)!, to: name.get(toClaimId)!, ...l }))
      .sort((a, b) => (a.from + a.to < b.from + b.to ? -1 : 1)),
    verdicts: claims.map((c) => `${name.get(c.id)} ${c.suggestedVerdict}`).sort(),
    articles: articles.map((a) => `${a.contentHash.slice(0, 12)} ${a.matching} ${a.matchingError ?? ""}`).sort(),
  };
}
