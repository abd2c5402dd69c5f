import { describe, it, expect, afterAll } from "vitest";
import { freshDesk } from "@/tests/desk";
import { apiRequest, ctx } from "@/tests/factories";
import { stopBoss } from "@/lib/jobs/queue";
import { GET, POST } from "./route";
import { GET as GET_ONE } from "./[id]/route";

const { db, admin, reviewer } = await freshDesk();
afterAll(() => stopBoss());

const story = [
  "Mali's interim president Assimi Goita spoke by telephone with Russian President Vladimir Putin on Tuesday, the Kremlin said.",
  "",
  "The two leaders discussed the situation in Niger, where soldiers seized power on July 26, and agreed that the crisis must be settled by peaceful means.",
].join("\n");
const post = (body: unknown, token = admin.token) => POST(apiRequest("/api/v1/articles", { token, body }), ctx());

describe("POST /api/v1/articles", () => {
  it("refuses strangers (401), bad tokens (401) and reviewers (403), importing nothing", async () => {
    const body = { outlet: "Wire", text: story };
    expect((await POST(apiRequest("/api/v1/articles", { body }), ctx())).status).toBe(401);
    expect((await post(body, "tri_nope")).status).toBe(401);
    const r = await post(body, reviewer.token);
    expect(r.status).toBe(403);
    expect(await db.article.count()).toBe(0);
  });

  it("imports new content with 201 and its claims, then answers 200 duplicate for the same content", async () => {
    const res = await post({ outlet: "Wire", title: "Goita and Putin", url: "https://example.com/a", publishedAt: "2023-08-15", text: story });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.duplicate).toBe(false);
    expect(body.article).toMatchObject({
      title: "Goita and Putin",
      url: "https://example.com/a",
      outlet: { name: "Wire" },
      publishedAt: "2023-08-15T00:00:00.000Z",
    });
    expect(["pending", "done"]).toContain(body.article.matching);
    expect(body.claims.length).toBeGreaterThanOrEqual(2);
    expect(Object.keys(body.claims[0]).sort()).toEqual([
      "anchoredVersion",
      "attribution",
      "checkworthiness",
      "context",
      "end",
      "id",
      "kind",
      "setAside",
      "sourceChange",
      "sourceChanged",
      "start",
      "status",
      "text",
      "version",
    ]);
    expect(body.claims[0].status).toBe("unreviewed");
    const again = await post({ outlet: "Other", text: story });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({
      duplicate: true,
      article: { id: body.article.id },
      message: expect.stringMatching(/^Nothing was imported: this text is already on the desk as .+'s article, imported on \d{4}-\d{2}-\d{2}\.$/),
    });
  });

  it("reads a date-time without an offset as UTC, and one with an offset as given", async () => {
    for (const [publishedAt, stored, extra] of [
      ["2025-03-12T08:00:00", "2025-03-12T08:00:00.000Z", " a"],
      ["2025-03-12T08:00:00+02:00", "2025-03-12T06:00:00.000Z", " b"],
    ]) {
      const res = await post({ outlet: "Wire", publishedAt, text: story + extra });
      expect(res.status).toBe(201);
      expect((await res.json()).article.publishedAt).toBe(stored);
    }
  });

  it.each([
    // The outlet may come from the article itself (an HTML page's site name); plain text names none.
    ["no outlet, typed or found", { text: story + " z" }, 422],
    ["no text", { outlet: "Wire" }, 400],
    ["a bad date", { outlet: "Wire", text: story + " x", publishedAt: "15/08/2023" }, 400],
    ["a non-http url", { outlet: "Wire", text: story + " y", url: "javascript:alert(1)" }, 400],
    ["text that is only boilerplate", { outlet: "Wire", text: "Advertisement\n\nHamburger Menu Close\n\nLogo" }, 422],
    ["text over 1 MB", { outlet: "Wire", text: "Putin spoke. ".repeat(80_000) }, 413],
    ["a body over 2 MB", { outlet: "Wire", text: "x".repeat(2_200_000) }, 413],
  ])("answers %s with %i and changes nothing", async (_name, body, status) => {
    const before = await db.article.count();
    const res = await post(body);
    expect(res.status).toBe(status);
    expect((await res.json()).error).toEqual(expect.any(String));
    expect(await db.article.count()).toBe(before);
  });
});

describe("reading articles", () => {
  it("lists with a cursor and reads one article with its claims", async () => {
    for (const n of [1, 2, 3])
      await post({ outlet: "Pager", text: `Report number ${n}: officials said on Friday that ${n * 100} people were evacuated from Gao.` });
    const page1 = await (await GET(apiRequest("/api/v1/articles?limit=2", { token: reviewer.token }), ctx())).json();
    expect(page1.items).toHaveLength(2);
    expect(page1.nextCursor).toEqual(expect.any(String));
    const page2 = await (await GET(apiRequest(`/api/v1/articles?limit=2&cursor=${page1.nextCursor}`, { token: reviewer.token }), ctx())).json();
    const ids = [...page1.items, ...page2.items].map((a: { id: string }) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe((await db.article.count()) > 3 ? 4 : ids.length);

    const one = await GET_ONE(apiRequest(`/api/v1/articles/${ids[0]}`, { token: reviewer.token }), ctx({ id: ids[0] }));
    const body = await one.json();
    expect(body.article.id).toBe(ids[0]);
    for (const c of body.claims) expect(body.article.text.slice(c.start, c.end)).toBe(c.text);
  });

  it("answers 401 to strangers, 400 to a bad id, 404 to an unknown id", async () => {
    expect((await GET(apiRequest("/api/v1/articles"), ctx())).status).toBe(401);
    expect((await GET_ONE(apiRequest("/api/v1/articles/x", { token: reviewer.token }), ctx({ id: "x" }))).status).toBe(400);
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect((await GET_ONE(apiRequest(`/api/v1/articles/${unknown}`, { token: reviewer.token }), ctx({ id: unknown }))).status).toBe(404);
    expect((await GET(apiRequest("/api/v1/articles?limit=500", { token: reviewer.token }), ctx())).status).toBe(400);
  });
});
