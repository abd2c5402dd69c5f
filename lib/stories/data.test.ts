import { describe, it, expect, beforeAll } from "vitest";
import { freshDatabase } from "@/tests/db";
import { importSeedArticles } from "@/lib/cli/seed-articles";
import type { Db } from "@/lib/db/client";
import { listStories, storyGrid } from "./data";
import { nameStory } from "./mutations";
import { importArticle } from "@/lib/articles/mutations";

let db: Db;
const SEED_OUTLETS = ["Tech Times", "Africanews", "MyJoyOnline", "TODAY", "The Moscow Times"];

beforeAll(async () => {
  db = (await freshDatabase()).db;
  await importSeedArticles(db, null);
});

describe("stories on the seed articles", () => {
  it("list every article in some story, the linked ones together under an automatic name", async () => {
    const stories = await listStories(db);
    expect(stories.reduce((n, s) => n + s.articles.length, 0)).toBe(5);
    const main = stories[0];
    expect(main.articles.length).toBeGreaterThanOrEqual(4);
    expect(main).toMatchObject({ named: false, storyId: null, key: main.articles[0].id, claims: expect.any(Number) });
    expect(main.name).toMatch(/Putin|Goita/);
  });

  it("show the main story's outlets side by side, with clusters of linked claims", async () => {
    const [main] = await listStories(db);
    const res = await storyGrid(db, main.key);
    expect(res).not.toBeNull();
    const { grid } = res!;
    expect(grid.outlets.length).toBeGreaterThanOrEqual(4);
    expect(grid.outlets.map((o) => o.name)).toEqual(SEED_OUTLETS.filter((n) => main.outlets.includes(n)));
    expect(grid.rows.length).toBeGreaterThan(0);
    for (const row of grid.rows) {
      expect(Object.values(row.cells).filter((c) => c.relation === "anchor")).toHaveLength(1);
      expect(Object.values(row.cells).filter((c) => c.relation !== "absent").length).toBeGreaterThanOrEqual(1);
    }
    // Every outlet with a claim linked to the same event (not only by a suggested support from a
    // report of another event) appears in some row.
    const ids = main.articles.map((a) => a.id);
    const joining = await db.claimLink.findMany({
      where: {
        state: { not: "REJECTED" },
        NOT: { state: "SUGGESTED", background: true },
        fromClaim: { articleId: { in: ids } },
        toClaim: { articleId: { in: ids } },
      },
      select: { fromClaim: { select: { article: { select: { outletId: true } } } } },
    });
    const linked = new Set(joining.map((l) => l.fromClaim.article.outletId));
    expect(linked.size).toBeGreaterThanOrEqual(3);
    const present = new Set(
      grid.rows.flatMap((r) =>
        Object.entries(r.cells)
          .filter(([, c]) => c.claims.length)
          .map(([o]) => o),
      ),
    );
    expect(present).toEqual(linked);
    expect(await storyGrid(db, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });

  it("a rejected link no longer joins claims", async () => {
    const [main] = await listStories(db);
    const before = (await storyGrid(db, main.key))!.grid;
    const articleIds = main.articles.map((a) => a.id);
    await db.claimLink.updateMany({ where: { fromClaim: { articleId: { in: articleIds } } }, data: { state: "REJECTED" } });
    const after = await listStories(db);
    expect(after.every((s) => s.articles.length === 1)).toBe(true);
    expect((await storyGrid(db, main.key))!.grid.rows).toEqual([]);
    await db.claimLink.updateMany({ where: { fromClaim: { articleId: { in: articleIds } } }, data: { state: "SUGGESTED" } });
    expect((await storyGrid(db, main.key))!.grid.rows.length).toBe(before.rows.length);
  });

  it("one machine suggestion does not join two stories; two, or a reviewer's link, do", async () => {
    const { articleId } = await importArticle(db, null, {
      outlet: "Lakeshore Tribune",
      publishedAt: "2025-03-07",
      text: "A passenger ferry capsized on Lake Malawi on Thursday, killing at least 38 people. The government declared three days of national mourning for the victims.",
    });
    const ferry = await db.claim.findMany({ where: { articleId }, select: { id: true }, orderBy: { start: "asc" } });
    const [main] = await listStories(db);
    const seed = await db.claim.findMany({ where: { articleId: main.articles[0].id }, select: { id: true }, take: 2 });
    const suggest = (from: string, to: string) =>
      db.claimLink.createMany({
        data: [
          { fromClaimId: from, toClaimId: to, relation: "SUPPORTS", score: 0.8, reasons: ["shared words: three, days"], independent: true },
          { fromClaimId: to, toClaimId: from, relation: "SUPPORTS", score: 0.8, reasons: ["shared words: three, days"], independent: true },
        ],
      });
    const together = async () => (await listStories(db)).some((s) => s.articles.some((a) => a.id === articleId) && s.articles.length > 1);
    expect(ferry.length).toBe(2);
    await suggest(ferry[1].id, seed[0].id);
    expect(await together()).toBe(false);
    await suggest(ferry[0].id, seed[1].id);
    expect(await together()).toBe(true);
    await db.claimLink.deleteMany({ where: { fromClaimId: { in: [ferry[0].id, seed[1].id] }, toClaimId: { in: [ferry[0].id, seed[1].id] } } });
    expect(await together()).toBe(false);
    await db.claimLink.updateMany({ where: { fromClaimId: ferry[1].id }, data: { state: "CONFIRMED" } });
    expect(await together()).toBe(true);
    await db.article.delete({ where: { id: articleId } });
  });

  it("a suggested support between reports of different events joins no row; confirmed, it does", async () => {
    const [main] = await listStories(db);
    const before = (await storyGrid(db, main.key))!.grid;
    const undated = before.singletons.filter((c) => !c.event);
    const x = undated[0];
    const y = undated.find((c) => c.outletId !== x.outletId)!;
    expect(y).toBeDefined();
    const pair = [x.id, y.id];
    await db.claimLink.createMany({
      data: [
        { fromClaimId: x.id, toClaimId: y.id, relation: "SUPPORTS", score: 0.8, reasons: ["reports of different events"], independent: true, background: true },
        { fromClaimId: y.id, toClaimId: x.id, relation: "SUPPORTS", score: 0.8, reasons: ["reports of different events"], independent: true, background: true },
      ],
    });
    const rowOf = async (id: string) =>
      (await storyGrid(db, main.key))!.grid.rows.find((r) => Object.values(r.cells).some((c) => c.claims.some((k) => k.id === id)));
    expect(await rowOf(x.id)).toBeUndefined();
    await db.claimLink.updateMany({ where: { fromClaimId: { in: pair }, toClaimId: { in: pair } }, data: { state: "CONFIRMED" } });
    expect((await rowOf(x.id))?.size).toBe(2);
    await db.claimLink.deleteMany({ where: { fromClaimId: { in: pair }, toClaimId: { in: pair } } });
  });

  it("naming a story stores it on every article of the story, and a rename keeps the same Story", async () => {
    const [main] = await listStories(db);
    const named = await nameStory(db, null, { key: main.key, name: "Putin and Goita on Niger" });
    const articles = await db.article.findMany({ where: { id: { in: main.articles.map((a) => a.id) } } });
    expect(articles.every((a) => a.storyId === named.id)).toBe(true);
    const [again] = await listStories(db);
    expect(again).toMatchObject({ key: named.id, storyId: named.id, name: "Putin and Goita on Niger", named: true });
    // The old address (the lead article's id) still finds the story.
    expect((await storyGrid(db, main.key))!.story.key).toBe(named.id);
    const renamed = await nameStory(db, null, { key: named.id, name: "Niger talks" });
    expect(renamed.id).toBe(named.id);
    expect(await db.story.count()).toBe(1);
    const logs = await db.auditLog.findMany({ where: { entity: "Story" }, orderBy: { id: "asc" } });
    expect(logs.map((l) => [l.action, l.data])).toEqual([
      ["story.name", { from: null, to: "Putin and Goita on Niger", articles: main.articles.length }],
      ["story.rename", { from: "Putin and Goita on Niger", to: "Niger talks", articles: main.articles.length }],
    ]);
    await expect(nameStory(db, null, { key: "00000000-0000-4000-8000-000000000000", name: "x" })).rejects.toMatchObject({ kind: "not_found" });
  });
});
