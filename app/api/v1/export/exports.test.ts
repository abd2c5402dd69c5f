import { describe, it, expect, beforeAll, vi } from "vitest";
import { freshDesk } from "@/tests/desk";
import { apiRequest, ctx } from "@/tests/factories";
import { parseCsv } from "@/eval/csv";
import { seedReviewedDesk, TRICKY, FORMULA } from "@/tests/export-desk";
import { createToken } from "@/lib/tokens/mutations";
import { approveClaim } from "@/lib/publishing/mutations";
import { articleTitle } from "@/lib/exports/csv";
import { runAs } from "@/lib/auth/current";
import { GET as claimReview } from "./claimreview/route";
import { GET as claimsCsv } from "./claims.csv/route";
import { GET as annotations } from "./annotations.jsonld/route";
import { DELETE as revokeApi } from "../tokens/[id]/route";

vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
const { revokeTokenAction } = await import("@/app/admin/tokens/actions");

const { db, admin, reviewer } = await freshDesk();
let desk: Awaited<ReturnType<typeof seedReviewedDesk>>;

beforeAll(async () => {
  desk = await seedReviewedDesk(db, reviewer.user.id);
  await db.setting.createMany({
    data: [
      { key: "organisationName", value: "Fact Desk" },
      { key: "organisationUrl", value: "https://factdesk.example" },
      { key: "siteUrl", value: "https://desk.example" },
    ],
  });
});

const calls = {
  claimreview: (t?: string, qs = "") => claimReview(apiRequest(`/api/v1/export/claimreview${qs}`, { token: t }), ctx()),
  csv: (t?: string, qs = "") => claimsCsv(apiRequest(`/api/v1/export/claims.csv${qs}`, { token: t }), ctx()),
  annotations: (t?: string) => annotations(apiRequest("/api/v1/export/annotations.jsonld", { token: t }), ctx()),
};

describe("export refusals", () => {
  for (const [name, call] of Object.entries(calls)) {
    it(`${name}: a stranger gets 401, a bad token 401, a reviewer 200`, async () => {
      const stranger = await call();
      expect(stranger.status).toBe(401);
      expect(await stranger.json()).toMatchObject({ error: "unauthorized", message: expect.any(String) });
      expect((await call("tri_forged")).status).toBe(401);
      expect((await call(reviewer.token)).status).toBe(200);
    });
  }

  it("a revoked token stops working at once (revoked through the admin action, then the API)", async () => {
    const { token, created } = await createToken(db, admin.actor, { name: "integration", ownerId: reviewer.user.id });
    expect((await calls.csv(token)).status).toBe(200);
    expect(await runAs(admin.actor, () => revokeTokenAction(null, { id: created.id }))).toMatchObject({ ok: true });
    expect((await calls.csv(token)).status).toBe(401);
    expect((await calls.claimreview(token)).status).toBe(401);

    const second = await createToken(db, reviewer.actor, { name: "own" });
    expect((await calls.annotations(second.token)).status).toBe(200);
    const res = await revokeApi(apiRequest(`/api/v1/tokens/${second.created.id}`, { method: "DELETE", token: reviewer.token }), ctx({ id: second.created.id }));
    expect(res.status).toBe(200);
    expect((await calls.annotations(second.token)).status).toBe(401);
    const logged = await db.auditLog.findMany({ where: { action: "token.revoke" }, orderBy: { id: "asc" } });
    expect(logged.map((l) => l.actorId)).toEqual([admin.user.id, reviewer.user.id]);
  });
});

describe("ClaimReview export", () => {
  it("is a schema.org graph of the approved claims only", async () => {
    const res = await calls.claimreview(reviewer.token);
    expect(res.headers.get("content-type")).toContain("application/ld+json");
    const doc = await res.json();
    expect(doc["@context"]).toBe("https://schema.org");
    const byUrl = new Map<string, any>(doc["@graph"].map((r: any) => [r.url, r]));
    // bridgeB is reviewed but not approved: not published.
    expect([...byUrl.keys()].sort()).toEqual([desk.claims.bridgeA, desk.claims.closed].map((c) => `https://desk.example/r/${c.id}`).sort());
    const r = byUrl.get(`https://desk.example/r/${desk.claims.bridgeA.id}`);
    expect(r).toMatchObject({
      "@type": "ClaimReview",
      text: desk.claims.bridgeA.text,
      // Corroborated beside a confirmed contradiction: disputed, naming the contradicting outlet.
      reviewRating: {
        "@type": "Rating",
        alternateName: "Corroborated (disputed)",
        ratingValue: 3,
        bestRating: 3,
        worstRating: 1,
        ratingExplanation: expect.stringMatching(/^Disputed: contradicted by Wire/),
      },
      author: { "@type": "Organization", name: "Fact Desk", url: "https://factdesk.example" },
      // The approval's date.
      datePublished: new Date().toISOString().slice(0, 10),
      reviewBody: "Two outlets, one of them independent.",
    });
    expect(r.claimReviewed).toBe(desk.claims.bridgeA.text);
    // The evidence's articles are not appearances of the claim; only the outlet's own URL is.
    expect(r.itemReviewed.appearance.map((a: any) => a.url)).toEqual(["https://dailyplanet.example/bridge"]);
    expect(r.itemReviewed.firstAppearance.url).toBe("https://dailyplanet.example/bridge");
    expect(r.itemReviewed.author).toMatchObject({ "@type": "Organization", url: "https://dailyplanet.example" });
    // "closed" sits in an article without a URL: no appearance, and nowhere a login-only desk URL.
    expect(byUrl.get(`https://desk.example/r/${desk.claims.closed.id}`).itemReviewed).not.toHaveProperty("appearance");
    expect(JSON.stringify(doc)).not.toMatch(/desk\.example\/(articles|claims)\//);
  });

  it("filters by verdict and by story, and refuses a bad status", async () => {
    const only = await (await calls.claimreview(reviewer.token, "?status=contradicted")).json();
    expect(only["@graph"].map((r: any) => r.reviewRating.alternateName)).toEqual(["Contradicted"]);
    // Stories are the articles joined by links; an unlinked article is a story of its own.
    const story = await db.story.create({ data: { name: "Bridge", articles: { connect: [{ id: desk.articles.b.id }] } } });
    const outlet = await db.outlet.create({ data: { name: "Elsewhere" } });
    const text = "The harbour will close for two weeks in June, the port authority said.";
    const lone = await db.article.create({ data: { outletId: outlet.id, text, rawText: text, contentHash: "lone" } });
    const loneClaim = await db.claim.create({ data: { articleId: lone.id, text, start: 0, end: text.length, status: "SINGLE_SOURCED" } });
    const alone = async () => (await (await calls.claimreview(reviewer.token, `?story=${lone.id}`)).json())["@graph"].map((r: any) => r.text);
    // Reviewed, not approved: the story export leaves it out until an admin approves it.
    expect(await alone()).toEqual([]);
    await db.claim.update({ where: { id: loneClaim.id }, data: { awaitingApproval: true } });
    await approveClaim(db, admin.user.id, loneClaim.id, loneClaim.version);
    const inStory = (await (await calls.claimreview(reviewer.token, `?story=${story.id}`)).json())["@graph"].map((r: any) => r.text);
    expect(inStory.sort()).toEqual([desk.claims.bridgeA.text, desk.claims.closed.text].sort());
    expect(await alone()).toEqual([loneClaim.text]);
    expect((await calls.claimreview(reviewer.token, "?status=unreviewed")).status).toBe(400);
    expect((await calls.claimreview(reviewer.token, "?story=00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });
});

describe("CSV export", () => {
  it("answers CSV as an attachment, one row per claim, tricky text round-tripping and formulas neutralised", async () => {
    const res = await calls.csv(reviewer.token);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="claims.csv"');
    const rows = parseCsv(await res.text());
    const [header, ...data] = rows;
    expect(header.slice(0, 4)).toEqual(["outlet", "article_title", "article_url", "article_published_at"]);
    expect(data).toHaveLength(await db.claim.count());
    const col = (name: string) => header.indexOf(name);
    const byId = new Map(data.map((r) => [r[col("claim_id")], r]));
    expect(byId.get(desk.claims.tricky.id)![col("claim")]).toBe(TRICKY);
    expect(byId.get(desk.claims.formula.id)![col("claim")]).toBe(`'${FORMULA}`);
    expect(byId.get(desk.claims.bridgeB.id)![col("rationale")]).toBe("'=cmd|' /C calc'!A0");
    const a = byId.get(desk.claims.bridgeA.id)!;
    expect(a[col("status")]).toBe("corroborated");
    expect(a[col("outlet")]).toMatch(/^Daily Planet/);
    expect(a[col("article_url")]).toBe("https://dailyplanet.example/bridge");
    expect(a[col("article_title")]).toBe("Bridge to reopen");
    expect(a[col("article_published_at")]).toBe("2026-05-02");
    expect(a[col("publication")]).toBe("published");
    // Linked claims as readable text with their outlet; the ids in a column of their own.
    expect(a[col("confirmed_links")].split(" | ")).toEqual([
      expect.stringMatching(new RegExp(`^supports · Wire [0-9.]+: “${desk.claims.bridgeB.text}”$`)),
      expect.stringMatching(new RegExp(`^contradicts · Wire [0-9.]+: “${desk.claims.closed.text}”$`)),
    ]);
    expect(a[col("linked_claim_ids")].split("; ").sort()).toEqual([desk.claims.bridgeB.id, desk.claims.closed.id].sort());
    // An article imported without a title is named by its first line.
    expect(byId.get(desk.claims.formula.id)![col("article_title")]).toBe(`'${articleTitle({ title: null, text: desk.texts[desk.articles.c.id] })}`);
    expect(articleTitle({ title: null, text: desk.texts[desk.articles.c.id] })).toMatch(/^=HYPERLINK.{20,}…$/);
    expect(a[col("reviewers")]).toBe("REVIEWER user");
    expect(a[col("last_verdict_at")]).toBe("2026-05-03T09:00:00.000Z");
    expect(data.every((r) => r.length === header.length)).toBe(true);
  });

  it("streams: the body arrives in several chunks", async () => {
    const res = await calls.csv(reviewer.token);
    const reader = res.body!.getReader();
    const chunks: Uint8Array[] = [];
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      chunks.push(value);
    }
    expect(chunks.length).toBeGreaterThanOrEqual(2);
    expect(new TextDecoder().decode(chunks[0])).toMatch(/^outlet,article_title,article_url/);
  });

  it("filters by status", async () => {
    const rows = parseCsv(await (await calls.csv(reviewer.token, "?status=unreviewed")).text());
    const id = rows[0].indexOf("claim_id");
    expect(
      rows
        .slice(1)
        .map((r) => r[id])
        .sort(),
    ).toEqual([desk.claims.tricky.id, desk.claims.formula.id].sort());
  });
});

describe("Web Annotation export", () => {
  it("has one annotation per confirmed pair, each with two selector-bearing targets that match the article text", async () => {
    const res = await calls.annotations(reviewer.token);
    const coll = await res.json();
    expect(coll).toMatchObject({
      "@context": "http://www.w3.org/ns/anno.jsonld",
      type: "AnnotationCollection",
      total: 2,
      first: { type: "AnnotationPage", startIndex: 0 },
    });
    const items = coll.first.items;
    expect(items).toHaveLength(2);
    const claims = await db.claim.findMany({ select: { id: true, text: true, articleId: true } });
    for (const anno of items) {
      expect(anno.type).toBe("Annotation");
      expect(anno.creator).toMatchObject({ type: "Person", name: "REVIEWER user" });
      expect(anno.created).toBe("2026-05-02T12:00:00.000Z");
      expect(anno.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
      expect(anno.target).toHaveLength(2);
      for (const t of anno.target) {
        expect(t.source).not.toMatch(/\/articles\//);
        const quote = t.selector.find((s: any) => s.type === "TextQuoteSelector");
        const pos = t.selector.find((s: any) => s.type === "TextPositionSelector");
        expect(quote).toBeTruthy();
        expect(pos).toBeTruthy();
        const claim = claims.find((c) => c.text === quote.exact)!;
        expect(claim).toBeTruthy();
        expect(desk.texts[claim.articleId].slice(pos.start, pos.end)).toBe(quote.exact);
      }
    }
    expect(items.map((a: any) => a.body[0].value).sort()).toEqual(["contradicts", "supports"]);
  });

  it("serves further pages by ?page=, and 404 past the last", async () => {
    const page = await (await annotations(apiRequest("/api/v1/export/annotations.jsonld?page=1", { token: reviewer.token }), ctx())).json();
    expect(page).toMatchObject({ type: "AnnotationPage", partOf: { type: "AnnotationCollection", total: 2 } });
    expect(page.items).toHaveLength(2);
    expect((await annotations(apiRequest("/api/v1/export/annotations.jsonld?page=2", { token: reviewer.token }), ctx())).status).toBe(404);
    expect((await annotations(apiRequest("/api/v1/export/annotations.jsonld?page=x", { token: reviewer.token }), ctx())).status).toBe(400);
  });
});
