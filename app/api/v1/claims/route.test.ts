import { describe, it, expect, beforeAll } from "vitest";
import { freshDesk } from "@/tests/desk";
import { apiRequest, ctx } from "@/tests/factories";
import { seedEntries } from "@/lib/cli/seed-articles";
import { matchArticle } from "@/lib/match/match-article";
import { GET as LIST } from "./route";
import { GET as SHOW } from "./[id]/route";

const { db, reviewer } = await freshDesk({ seed: true });

beforeAll(async () => {
  for (const e of seedEntries()) await matchArticle(db, (await db.article.findFirstOrThrow({ where: { outlet: { name: e.outlet } } })).id);
});

// null: no credentials at all.
const show = (id: string, token: string | null = reviewer.token) => SHOW(apiRequest(`/api/v1/claims/${id}`, { token: token ?? undefined }), ctx({ id }));
const list = (qs: string, token: string | null = reviewer.token) => LIST(apiRequest(`/api/v1/claims${qs}`, { token: token ?? undefined }), ctx());
const claimIn = async (outlet: string, phrase: string) =>
  (await db.claim.findFirstOrThrow({ where: { text: { contains: phrase }, article: { outlet: { name: outlet } } } })).id;

describe("claims API refusals", () => {
  it.each([
    ["GET /api/v1/claims", (t: string | null) => list("", t)],
    ["GET /api/v1/claims/:id", async (t: string | null) => show(await claimIn("Africanews", "formerly known as Twitter"), t)],
  ] as const)("%s: a stranger gets 401, a bad token 401", async (_n, call) => {
    const stranger = await call(null);
    expect(stranger.status).toBe(401);
    expect(await stranger.json()).toMatchObject({ error: "unauthorized", message: expect.any(String) });
    expect((await call("tri_forged")).status).toBe(401);
    expect((await call(reviewer.token)).status).toBe(200);
  });

  it("answers 404 for an unknown claim and 400 for a malformed id", async () => {
    const missing = await show("00000000-0000-4000-8000-000000000000");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: "not_found" });
    const bad = await show("not-a-uuid");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: "bad_request", issues: expect.any(Array) });
  });
});

describe("GET /api/v1/claims/:id", () => {
  it("answers the claim, its article and its suggestions, best first", async () => {
    const id = await claimIn("Africanews", "formerly known as Twitter");
    const other = await claimIn("MyJoyOnline", "formerly known as Twitter");
    const res = await show(id);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(Object.keys(body).sort()).toEqual(["claim", "links", "suggestedVerdict", "suggestions"]);
    expect(body.claim).toMatchObject({
      id,
      text: expect.stringContaining("formerly known as Twitter"),
      start: expect.any(Number),
      end: expect.any(Number),
      kind: expect.stringMatching(/^[a-z]+$/),
      checkworthiness: expect.any(Number),
      status: "unreviewed",
      version: 1,
      context: null,
      setAside: null,
      article: {
        id: expect.any(String),
        title: expect.stringMatching(/^Russian President Vladimir Putin called/),
        publishedAt: "2023-08-16T00:00:00.000Z",
        outlet: { id: expect.any(String), name: "Africanews" },
      },
    });
    expect(body.links).toEqual([]);
    expect(body.suggestedVerdict).toBe("corroborated");
    const x = body.suggestions.find((s: { claim: { id: string } }) => s.claim.id === other);
    expect(x).toEqual({
      claim: {
        id: other,
        text: expect.stringContaining("formerly known as Twitter"),
        start: expect.any(Number),
        end: expect.any(Number),
        article: { id: expect.any(String), title: expect.any(String), outlet: { id: expect.any(String), name: "MyJoyOnline" } },
      },
      relation: "supports",
      score: expect.any(Number),
      independent: true,
      background: false,
      reasons: expect.arrayContaining([expect.stringMatching(/shared/)]),
    });
  });

  it("for every claim: at most ten suggestions, best first, never from its own article, as stored", async () => {
    const claims = await db.claim.findMany({
      select: { id: true, articleId: true, suggestedVerdict: true, _count: { select: { linksFrom: { where: { state: "SUGGESTED" } } } } },
    });
    let withSuggestions = 0,
      background = 0;
    for (const c of claims) {
      const body = await (await show(c.id)).json();
      const s = body.suggestions as { claim: { id: string; article: { id: string } }; score: number; relation: string; background: boolean }[];
      // Each says whether it is a support from a report of another event, as stored (decision 038).
      const stored = new Map(
        (await db.claimLink.findMany({ where: { fromClaimId: c.id }, select: { toClaimId: true, background: true } })).map((l) => [l.toClaimId, l.background]),
      );
      for (const x of s) expect(x.background).toBe(stored.get(x.claim.id));
      background += s.filter((x) => x.background).length;
      expect(s.length).toBe(Math.min(10, c._count.linksFrom));
      expect(s.every((x) => x.claim.article.id !== c.articleId && x.score > 0 && x.score <= 1 && ["supports", "contradicts"].includes(x.relation))).toBe(true);
      expect(s.map((x) => x.score)).toEqual([...s.map((x) => x.score)].sort((a, b) => b - a));
      expect(body.suggestedVerdict).toBe(c.suggestedVerdict.toLowerCase());
      if (s.length) withSuggestions++;
    }
    expect(withSuggestions).toBeGreaterThan(20);
    // The seed holds reports of the 10 September and March 2024 calls beside the 15 August ones.
    expect(background).toBeGreaterThan(0);
  });

  it("moves a confirmed link from the suggestions to the links, with who confirmed it", async () => {
    // Any stored suggestion will do: which pairs the model suggests is tested in lib/match.
    const { fromClaimId: id, toClaimId: to } = await db.claimLink.findFirstOrThrow({
      where: { state: "SUGGESTED", origin: "SUGGESTED" },
      orderBy: [{ score: "desc" }, { id: "asc" }],
    });
    const before = await (await show(id)).json();
    expect(before.suggestions.map((s: { claim: { id: string } }) => s.claim.id)).toContain(to);
    const row = await db.claimLink.update({
      where: { fromClaimId_toClaimId: { fromClaimId: id, toClaimId: to } },
      data: { state: "CONFIRMED", createdById: reviewer.user.id },
    });
    const after = await (await show(id)).json();
    expect(after.suggestions.map((s: { claim: { id: string } }) => s.claim.id)).not.toContain(to);
    expect(after.links).toEqual([
      expect.objectContaining({
        id: row.id,
        relation: row.relation.toLowerCase(),
        createdBy: { id: reviewer.user.id, name: reviewer.user.name },
        claim: expect.objectContaining({ id: to }),
      }),
    ]);
    await db.claimLink.update({ where: { id: row.id }, data: { state: "REJECTED" } });
    const rejected = await (await show(id)).json();
    expect(rejected.links).toEqual([]);
    expect(rejected.suggestions.map((s: { claim: { id: string } }) => s.claim.id)).not.toContain(to);
  });
});

describe("GET /api/v1/claims", () => {
  it("pages through every claim once, most check-worthy first, with nextCursor", async () => {
    const total = await db.claim.count();
    const seen: { id: string; checkworthiness: number }[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await list(`?limit=7${cursor ? `&cursor=${cursor}` : ""}`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { items: { id: string; checkworthiness: number }[]; nextCursor: string | null };
      expect(body.items.length).toBeLessThanOrEqual(7);
      seen.push(...body.items);
      cursor = body.nextCursor;
      if (cursor) expect(cursor).toBe(body.items[body.items.length - 1].id);
      pages++;
    } while (cursor && pages < 50);
    expect(seen).toHaveLength(total);
    expect(new Set(seen.map((c) => c.id)).size).toBe(total);
    const expected = await db.claim.findMany({ orderBy: [{ checkworthiness: "desc" }, { id: "asc" }], select: { id: true } });
    expect(seen.map((c) => c.id)).toEqual(expected.map((c) => c.id));
    expect(pages).toBe(Math.ceil(total / 7));
  });

  it("answers the list shape, 20 by default", async () => {
    const body = await (await list("")).json();
    expect(body.items).toHaveLength(20);
    expect(body.nextCursor).toBe(body.items[19].id);
    expect(body.items[0]).toEqual({
      id: expect.any(String),
      text: expect.any(String),
      start: expect.any(Number),
      end: expect.any(Number),
      kind: expect.any(String),
      checkworthiness: expect.any(Number),
      attribution: expect.toBeOneOf([null, expect.any(String)]),
      status: "unreviewed",
      version: 1,
      context: expect.toBeOneOf([null, expect.any(String)]),
      setAside: null,
      // The article version the claim's words come from (docs/decisions/023).
      anchoredVersion: 1,
      sourceChanged: false,
      sourceChange: null,
      suggestedVerdict: expect.stringMatching(/^(corroborated|single_sourced|contradicted)$/),
      article: { id: expect.any(String), title: expect.any(String), outlet: { id: expect.any(String), name: expect.any(String) } },
    });
  });

  it("filters by article, status and text", async () => {
    const today = await db.article.findFirstOrThrow({ where: { outlet: { name: "TODAY" } } });
    const byArticle = await (await list(`?articleId=${today.id}&limit=100`)).json();
    expect(byArticle.items.length).toBe(await db.claim.count({ where: { articleId: today.id } }));
    expect(byArticle.items.every((c: { article: { id: string } }) => c.article.id === today.id)).toBe(true);
    expect(byArticle.nextCursor).toBeNull();

    const id = await claimIn("TODAY", "previously threatened military intervention");
    await db.claim.update({ where: { id }, data: { status: "CORROBORATED" } });
    expect((await (await list("?status=corroborated")).json()).items.map((c: { id: string }) => c.id)).toEqual([id]);
    expect((await (await list("?status=unreviewed&limit=100")).json()).items.map((c: { id: string }) => c.id)).not.toContain(id);

    const wagner = await (await list("?q=WAGNER&limit=100")).json();
    expect(wagner.items.length).toBe(await db.claim.count({ where: { text: { contains: "wagner", mode: "insensitive" } } }));
    expect(wagner.items.length).toBeGreaterThan(1);
    expect(wagner.items.every((c: { text: string }) => /wagner/i.test(c.text))).toBe(true);
  });

  it.each(["?limit=0", "?limit=101", "?limit=ten", "?status=approved", "?status=UNREVIEWED", "?cursor=nope", "?articleId=123"])(
    "answers 400 for %s",
    async (qs) => {
      const res = await list(qs);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: "bad_request", issues: expect.any(Array) });
    },
  );
});
