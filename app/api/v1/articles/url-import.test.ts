import { reloadEnv } from "@/lib/env";
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { freshDesk } from "@/tests/desk";
import { apiRequest, ctx } from "@/tests/factories";
import { fixtureServer } from "@/tests/fixture-server";
import { newsPage, STORY_V1, STORY_V2 } from "@/tests/news-page";
import { stopBoss } from "@/lib/jobs/queue";
import { POST } from "./route";
import { POST as REFETCH } from "./[id]/refetch/route";
import { GET as VERSIONS } from "./[id]/versions/route";

// The fixture server is reachable only through the allow-list (read once, before the first fetch).
const PORT = 3243;
process.env.FETCH_ALLOW_HOSTS = `127.0.0.1:${PORT}`;
reloadEnv();

const { db, admin, reviewer } = await freshDesk();
const base = `http://127.0.0.1:${PORT}`;
beforeAll(async () => {
  const s = await fixtureServer(PORT);
  s.routes["/story"] = (_q, r) => void r.writeHead(200, { "content-type": "text/html" }).end(page);
  s.routes["/json"] = (_q, r) => r.writeHead(200, { "content-type": "application/json" }).end("{}");
});
afterAll(() => stopBoss());

let page = newsPage(STORY_V1);
const post = (body: unknown, token = admin.token) => POST(apiRequest("/api/v1/articles", { token, body }), ctx());

describe("POST /api/v1/articles with a url and no text", () => {
  it("refuses strangers and reviewers before fetching anything", async () => {
    expect((await POST(apiRequest("/api/v1/articles", { body: { url: `${base}/story` } }), ctx())).status).toBe(401);
    expect((await post({ url: `${base}/story` }, reviewer.token)).status).toBe(403);
    expect(await db.article.count()).toBe(0);
  });

  it("fetches the page (201), then answers the same address as a duplicate (200)", async () => {
    const res = await post({ url: `${base}/story` });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.article).toMatchObject({
      title: "Flooding displaces thousands in the river delta",
      outlet: { name: "Delta Courier" },
      fetchUrl: `${base}/story`,
      version: 1,
    });
    expect(body.claims[0]).toMatchObject({ anchoredVersion: 1, sourceChanged: false });
    const again = await post({ url: `${base}/story`, text: "" });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ duplicate: true, article: { id: body.article.id } });
  });

  it.each([
    ["a private address", { url: "http://10.1.2.3/story" }, 422, "private_address"],
    ["a page that is not HTML", { url: `${base}/json` }, 422, "not_html"],
    ["a missing page", { url: `${base}/gone` }, 422, "http_error"],
    ["another scheme", { url: "ftp://example.com/a" }, 400, undefined],
  ])("answers %s with %s and a reason, storing nothing", async (_n, body, status, reason) => {
    const before = await db.article.count();
    const res = await post(body);
    const json = await res.json();
    expect([res.status, json.message]).toEqual([status, expect.any(String)]);
    expect(json.reason).toBe(reason);
    expect(await db.article.count()).toBe(before);
  });
});

describe("POST /api/v1/articles/{id}/refetch and GET …/versions", () => {
  it("refuses strangers and reviewers; re-fetches a changed page into version 2 for an admin", async () => {
    const a = await db.article.findFirstOrThrow({ where: { fetchUrl: `${base}/story` } });
    const call = (token?: string) => REFETCH(apiRequest(`/api/v1/articles/${a.id}/refetch`, { token, method: "POST" }), ctx({ id: a.id }));
    expect((await call()).status).toBe(401);
    expect((await call(reviewer.token)).status).toBe(403);
    page = newsPage(STORY_V2);
    const res = await call(admin.token);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ changed: true, version: 2 });
    expect(body.flagged.length).toBeGreaterThan(0);
    const versions = await (await VERSIONS(apiRequest(`/api/v1/articles/${a.id}/versions`, { token: reviewer.token }), ctx({ id: a.id }))).json();
    expect(versions.current).toBe(2);
    expect(versions.items.map((v: { number: number }) => v.number)).toEqual([1, 2]);
    expect(versions.items[1].text).toContain("18,000");
  });
});
