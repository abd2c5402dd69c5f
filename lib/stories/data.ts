import "server-only";
import type { Db } from "../db/client";
import { analyzePassage } from "../match/pair/analyze";
import { EVENT_GAP_DAYS } from "../match/pair/features";
import { buildGrid, findStory, groupStories, type GridClaim, type GridLink, type StoryArticle, type StoryGroup } from "./grid";

type Reader = Pick<Db, "$queryRaw">;

// Every article with what grouping needs; first imported first, so a story's first article leads it.
// Only the head of the text is read: it is enough to name an untitled story.
function storyArticles(db: Reader) {
  return db.$queryRaw<StoryArticle[]>`
    SELECT a.id, a."outletId", o.name AS "outletName", a.title, left(a.text, 1500) AS lead,
      (SELECT count(*)::int FROM "Claim" c WHERE c."articleId" = a.id) AS claims,
      a."storyId", s.name AS "storyName", s."createdAt" AS "storyCreatedAt"
    FROM "Article" a JOIN "Outlet" o ON o.id = a."outletId" LEFT JOIN "Story" s ON s.id = a."storyId"
    ORDER BY a."createdAt", a.id`;
}

// Pairs of articles of one story: joined by a link a reviewer confirmed or made, or by machine
// suggestions between two or more pairs of their claims. One suggestion alone is too weak to merge
// two stories: in a trial, "three meals a day" suggested as support of "three days of national
// mourning" put a ferry sinking into the Russia and Mali story (docs/decisions/004, amended).
async function articleLinks(db: Reader): Promise<[string, string][]> {
  const rows = await db.$queryRaw<{ a: string; b: string }[]>`
    SELECT least(f."articleId", t."articleId") AS a, greatest(f."articleId", t."articleId") AS b
    FROM "ClaimLink" l JOIN "Claim" f ON f.id = l."fromClaimId" JOIN "Claim" t ON t.id = l."toClaimId"
    WHERE l.state <> 'REJECTED' AND f."articleId" <> t."articleId"
    GROUP BY 1, 2
    HAVING bool_or(l.state = 'CONFIRMED' OR l.origin = 'REVIEWER')
      OR count(DISTINCT (least(l."fromClaimId", l."toClaimId"), greatest(l."fromClaimId", l."toClaimId"))) >= ${STORY_SUGGESTIONS}`;
  return rows.map((r) => [r.a, r.b]);
}
const STORY_SUGGESTIONS = 2;

/**
 * All stories, computed from the links at read time (links change as articles arrive and reviewers
 * reject suggestions). Reads every article's id and a short head: fine for a desk's thousands of
 * articles; a much larger archive would store the components instead.
 */
export async function allStories(db: Reader): Promise<StoryGroup[]> {
  const [articles, links] = await Promise.all([storyArticles(db), articleLinks(db)]);
  return groupStories(articles, links);
}

export async function listStories(db: Reader) {
  const groups = await allStories(db);
  return groups.sort((a, b) => b.articles.length - a.articles.length || b.claims - a.claims);
}

export async function findStoryGroup(db: Reader, id: string) {
  return findStory(await allStories(db), id) ?? null;
}

// The story's grid: its claims and the links among them that may join a row, grouped by the pure builder.
export async function storyGrid(db: Db, id: string) {
  const story = await findStoryGroup(db, id);
  if (!story) return null;
  const articleIds = story.articles.map((a) => a.id);
  const [claims, links] = await Promise.all([
    db.claim.findMany({
      where: { articleId: { in: articleIds } },
      select: { id: true, text: true, checkworthiness: true, status: true, article: { select: { outletId: true, publishedAt: true } } },
    }),
    db.claimLink.findMany({
      // A row is one event: a suggested support between reports of different events (background at
      // most, decision 038) joins none until a reviewer confirms it.
      where: {
        state: { not: "REJECTED" },
        NOT: { state: "SUGGESTED", background: true },
        fromClaim: { articleId: { in: articleIds } },
        toClaim: { articleId: { in: articleIds } },
      },
      select: { fromClaimId: true, toClaimId: true, relation: true },
    }),
  ]);
  const outlets = [...new Map(story.articles.map((a) => [a.outletId, { id: a.outletId, name: a.outletName }])).values()];
  const gridClaims: GridClaim[] = claims.map((c) => ({
    id: c.id,
    text: c.text,
    outletId: c.article.outletId,
    checkworthiness: c.checkworthiness,
    status: c.status,
    event: eventDays(c.text, c.article.publishedAt),
  }));
  const gridLinks: GridLink[] = links.map((l) => ({ from: l.fromClaimId, to: l.toClaimId, relation: l.relation }));
  return { story, grid: buildGrid(outlets, gridClaims, gridLinks, EVENT_GAP_DAYS) };
}

// The days a claim's event can fall on: its dates known at least to the month, resolved against
// the article's publication date, as one range of days since the epoch.
function eventDays(text: string, publishedAt: Date | null): { from: number; to: number } | null {
  const days = analyzePassage({ text, publishedAt }).dates.flatMap((d) => {
    if (d.y === null || d.m === null) return [];
    const from = Date.UTC(d.y, d.m - 1, d.d ?? 1) / 86_400_000;
    const to = d.d !== null ? from : Date.UTC(d.y, d.m, 0) / 86_400_000;
    return [from, to];
  });
  return days.length ? { from: Math.min(...days), to: Math.max(...days) } : null;
}
