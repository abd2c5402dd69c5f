import { describe, it, expect, beforeAll } from "vitest";
import { freshDatabase } from "@/tests/db";
import { userWithToken } from "@/tests/factories";
import { importSeedArticles } from "@/lib/cli/seed-articles";
import type { Db } from "@/lib/db/client";
import { COUNT_EXAMINE, queueNeighbours, queuePage, queueStatusCounts } from "./data";
import { assignClaim } from "./mutations";
import { parseQueueFilters, type QueueFilters } from "./schema";

let db: Db;
let reviewer: Awaited<ReturnType<typeof userWithToken>>;
let other: Awaited<ReturnType<typeof userWithToken>>;
let total: number;

const f = (raw: Record<string, string> = {}): QueueFilters => parseQueueFilters(raw).filters;
const all = async (filters: QueueFilters, actorId = reviewer.user.id) => (await queuePage({ ...filters, page: 1 }, actorId, 1000)).items;

beforeAll(async () => {
  db = (await freshDatabase()).db;
  await importSeedArticles(db, null);
  // The queue's mechanics are tested on a desk whose suggestions all support: what the pair model
  // reads as a contradiction on the seeds is tested in lib/match, and the filter below plants one.
  await db.claimLink.updateMany({ where: { relation: "CONTRADICTS" }, data: { relation: "SUPPORTS" } });
  await db.claim.updateMany({ where: { suggestedVerdict: "CONTRADICTED" }, data: { suggestedVerdict: "CORROBORATED" } });
  reviewer = await userWithToken(db, "REVIEWER");
  other = await userWithToken(db, "REVIEWER");
  total = await db.claim.count();
});

describe("queue on the seed articles", () => {
  it("lists unreviewed claims by check-worthiness, then suggestions, then id", async () => {
    const rows = await all(f());
    expect(rows).toHaveLength(total);
    const claims = await db.claim.findMany({
      select: { id: true, checkworthiness: true, _count: { select: { linksFrom: { where: { state: "SUGGESTED" } } } } },
    });
    const expected = claims
      .map((c) => ({ id: c.id, cw: c.checkworthiness, n: c._count.linksFrom }))
      .sort((a, b) => b.cw - a.cw || b.n - a.n || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    expect(rows.map((r) => r.id)).toEqual(expected.map((e) => e.id));
    expect(rows.some((r) => r.suggestions > 0)).toBe(true);
    expect(rows[0]).toMatchObject({ status: "UNREVIEWED", assigneeId: null, assigneeName: null, contradictions: 0, outletName: expect.any(String) });
    expect(["CORROBORATED", "SINGLE_SOURCED"]).toContain(rows[0].suggestedVerdict);
  });

  it("pages without gaps or repeats", async () => {
    const whole = (await queuePage(f(), reviewer.user.id, 20)).items.map((r) => r.id);
    const p1 = await queuePage(f(), reviewer.user.id, 10);
    const p2 = await queuePage(f({ page: "2" }), reviewer.user.id, 10);
    expect(p1).toMatchObject({ hasNext: true, hasPrevious: false });
    expect(p2.hasPrevious).toBe(true);
    expect([...p1.items, ...p2.items].map((r) => r.id)).toEqual(whole);
    const last = await queuePage(f({ page: String(Math.ceil(total / 10)) }), reviewer.user.id, 10);
    expect(last.hasNext).toBe(false);
    expect((await queuePage(f({ page: "999" }), reviewer.user.id, 10)).items).toEqual([]);
  });

  it("pages by cursor, forward and back, without gaps or repeats, in every filtered order", async () => {
    const outlet = (await db.outlet.findFirstOrThrow({ where: { name: "Tech Times" } })).id;
    for (const filters of [f(), f({ status: "all" }), f({ outlet }), f({ q: "the", status: "all" })]) {
      const whole = (await all(filters)).map((r) => r.id);
      const forward: string[][] = [];
      let page = await queuePage(filters, reviewer.user.id, 7);
      expect(page.hasPrevious).toBe(false);
      forward.push(page.items.map((r) => r.id));
      for (let n = 2; page.nextCursor; n++) {
        page = await queuePage({ ...filters, page: n, after: page.nextCursor }, reviewer.user.id, 7);
        expect(page.hasPrevious).toBe(true);
        forward.push(page.items.map((r) => r.id));
      }
      expect(page.hasNext).toBe(false);
      expect(forward.flat(), JSON.stringify(filters)).toEqual(whole);
      // Back from the last page by the previous-page cursors: the same pages, in reverse.
      const backward = [forward[forward.length - 1]];
      for (let i = forward.length - 2; i >= 0 && page.previousCursor; i--) {
        page = await queuePage({ ...filters, page: i + 1, before: page.previousCursor }, reviewer.user.id, 7);
        backward.unshift(page.items.map((r) => r.id));
      }
      expect(backward).toEqual(forward);
      expect(page.hasPrevious).toBe(false);
    }
  });

  it("filters by outlet and by article", async () => {
    const outlet = await db.outlet.findUniqueOrThrow({ where: { name: "MyJoyOnline" } });
    const byOutlet = await all(f({ outlet: outlet.id }));
    expect(byOutlet.length).toBe(await db.claim.count({ where: { article: { outletId: outlet.id } } }));
    expect(new Set(byOutlet.map((r) => r.outletName))).toEqual(new Set(["MyJoyOnline"]));
    const article = await db.article.findFirstOrThrow({ where: { outlet: { name: "TODAY" } } });
    const byArticle = await all(f({ article: article.id }));
    expect(byArticle.length).toBe(await db.claim.count({ where: { articleId: article.id } }));
    expect(byArticle.every((r) => r.articleId === article.id)).toBe(true);
  });

  it("searches claim text, case-insensitively, with % taken literally", async () => {
    const rows = await all(f({ q: "kremlin" }));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(total);
    expect(rows.every((r) => /kremlin/i.test(r.text))).toBe(true);
    expect(await all(f({ q: "%" }))).toEqual((await all(f())).filter((r) => r.text.includes("%")));
  });

  it("filters by status and counts claims per status under the other filters", async () => {
    const [a, b] = await all(f());
    await db.claim.update({ where: { id: a.id }, data: { status: "CORROBORATED" } });
    await db.claim.update({ where: { id: b.id }, data: { status: "CONTRADICTED" } });
    expect((await all(f())).map((r) => r.id)).not.toContain(a.id);
    expect((await all(f({ status: "corroborated" }))).map((r) => r.id)).toEqual([a.id]);
    expect((await all(f({ status: "contradicted" }))).map((r) => r.id)).toEqual([b.id]);
    expect(await all(f({ status: "single-sourced" }))).toEqual([]);
    expect(await all(f({ status: "all" }))).toHaveLength(total);
    const exact = (n: number) => ({ n, capped: false });
    expect(await queueStatusCounts(f(), reviewer.user.id)).toEqual({
      UNREVIEWED: exact(total - 2),
      CORROBORATED: exact(1),
      SINGLE_SOURCED: exact(0),
      CONTRADICTED: exact(1),
    });
    const outlet = await db.article.findUniqueOrThrow({ where: { id: a.articleId }, select: { outletId: true } });
    const counts = (await queueStatusCounts(f({ outlet: outlet.outletId, status: "contradicted" }), reviewer.user.id))!;
    expect(counts.CORROBORATED).toEqual(exact(1));
    expect(counts.UNREVIEWED.n).toBe((await db.claim.count({ where: { article: { outletId: outlet.outletId } } })) - 1 - (b.outletId === a.outletId ? 1 : 0));
    await db.claim.updateMany({ where: { id: { in: [a.id, b.id] } }, data: { status: "UNREVIEWED" } });
  });

  it("filters by assignee: me, unassigned, a named reviewer", async () => {
    const [a, b] = await all(f());
    await assignClaim(db, { id: reviewer.user.id, role: "REVIEWER" }, { claimId: a.id, assigneeId: "me" });
    await assignClaim(db, { id: other.user.id, role: "REVIEWER" }, { claimId: b.id, assigneeId: "me" });
    expect((await all(f({ assignee: "me" }))).map((r) => r.id)).toEqual([a.id]);
    expect((await all(f({ assignee: "me" }), other.user.id)).map((r) => r.id)).toEqual([b.id]);
    expect((await all(f({ assignee: other.user.id }))).map((r) => r.id)).toEqual([b.id]);
    const unassigned = (await all(f({ assignee: "unassigned" }))).map((r) => r.id);
    expect(unassigned).toHaveLength(total - 2);
    expect(unassigned).not.toContain(a.id);
    expect((await all(f())).find((r) => r.id === a.id)).toMatchObject({ assigneeId: reviewer.user.id, assigneeName: reviewer.user.name });
  });

  it("filters claims with a contradiction suggestion", async () => {
    expect(await all(f({ contradiction: "on" }))).toEqual([]);
    const link = await db.claimLink.findFirstOrThrow({ where: { state: "SUGGESTED" }, orderBy: { id: "asc" } });
    await db.claimLink.update({ where: { id: link.id }, data: { relation: "CONTRADICTS" } });
    const rows = await all(f({ contradiction: "on" }));
    expect(rows.map((r) => r.id)).toEqual([link.fromClaimId]);
    expect(rows[0].contradictions).toBe(1);
    await db.claimLink.update({ where: { id: link.id }, data: { relation: "SUPPORTS" } });
  });
});

describe("next and previous follow the queue the reviewer came from", () => {
  it("walk a filtered queue in its own order, wrapping round at the end", async () => {
    const outlet = (await db.outlet.findFirstOrThrow({ where: { name: "Tech Times" } })).id;
    for (const filters of [f({ outlet }), f({ q: "Putin", status: "all" }), f()]) {
      const rows = (await all(filters)).map((r) => r.id);
      expect(rows.length, JSON.stringify(filters)).toBeGreaterThan(1);
      const walked = [rows[0]];
      for (let i = 1; i < rows.length; i++) walked.push((await queueNeighbours(filters, reviewer.user.id, walked[i - 1])).nextId!);
      expect(walked).toEqual(rows);
      expect(await queueNeighbours(filters, reviewer.user.id, rows[rows.length - 1])).toEqual({ nextId: rows[0], previousId: rows[rows.length - 2] });
      expect((await queueNeighbours(filters, reviewer.user.id, rows[0])).previousId).toBeNull();
    }
  });

  it("keeps the place of a claim that left the filtered queue, and filters on review flags", async () => {
    const rows = (await all(f())).map((r) => r.id);
    await db.claim.update({ where: { id: rows[1] }, data: { status: "CORROBORATED", needsReview: true, awaitingApproval: true } });
    // Reviewed, so out of the unreviewed queue: its Next is still the claim after it.
    expect(await queueNeighbours(f(), reviewer.user.id, rows[1])).toEqual({ nextId: rows[2], previousId: rows[0] });
    expect((await all(f({ status: "all", flag: "needs-review" }))).map((r) => r.id)).toEqual([rows[1]]);
    expect((await all(f({ status: "all", flag: "awaiting-approval" }))).map((r) => r.id)).toEqual([rows[1]]);
    expect(parseQueueFilters({ flag: "bogus" }).ignored).toEqual(["flag"]);
    expect(await all(f({ status: "all", flag: "source-changed" }))).toEqual([]);
    await db.claim.update({ where: { id: rows[2] }, data: { sourceChanged: true } });
    const changed = await all(f({ status: "all", flag: "source-changed" }));
    expect(changed.map((r) => [r.id, r.sourceChanged])).toEqual([[rows[2], true]]);
    await db.claim.update({ where: { id: rows[2] }, data: { sourceChanged: false } });
    await db.claim.update({ where: { id: rows[1] }, data: { status: "UNREVIEWED", needsReview: false, awaitingApproval: false } });
  });
});

describe("counts under a filter checked claim by claim", () => {
  it("examine at most COUNT_EXAMINE claims of a status and then say the count is a lower bound", async () => {
    const article = await db.article.findFirstOrThrow({ select: { id: true } });
    // Planted past the bound, each with a word no seed claim has; half match the search.
    await db.$executeRaw`
      INSERT INTO "Claim" ("articleId", text, start, "end", "anchoredVersion", checkworthiness)
      SELECT ${article.id}::uuid, CASE WHEN g % 2 = 0 THEN 'Zyxquv planted claim ' || g ELSE 'Planted claim ' || g END, 100000 + g * 2, 100001 + g * 2, 99, 0
      FROM generate_series(1, ${COUNT_EXAMINE + 200}) g`;
    try {
      const counts = (await queueStatusCounts(f({ q: "Zyxquv" }), reviewer.user.id))!;
      expect(counts.UNREVIEWED.capped).toBe(true);
      expect(counts.UNREVIEWED.n).toBeLessThan(COUNT_EXAMINE);
      expect(counts.UNREVIEWED.n).toBeGreaterThan(0);
      expect(counts.CORROBORATED).toEqual({ n: 0, capped: false });
      // Without a probe the count is exact up to the cap.
      expect((await queueStatusCounts(f(), reviewer.user.id))!.UNREVIEWED).toEqual({ n: total + COUNT_EXAMINE + 200, capped: false });
    } finally {
      await db.$executeRaw`DELETE FROM "Claim" WHERE "articleId" = ${article.id}::uuid AND "anchoredVersion" = 99`;
    }
  });
});
