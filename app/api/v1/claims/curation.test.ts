import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { freshDesk } from "@/tests/desk";
import { apiRequest, ctx } from "@/tests/factories";
import { stopBoss } from "@/lib/jobs/queue";
import { importArticle } from "@/lib/articles/mutations";
import { POST as ADD } from "./route";
import { PATCH as SPAN, DELETE as DELETE_CLAIM } from "./[id]/route";
import { POST as SET_ASIDE } from "./[id]/set-aside/route";
import { POST as RESTORE } from "./[id]/restore/route";
import { POST as MERGE } from "./[id]/merge/route";
import { POST as SPLIT } from "./[id]/split/route";
import { GET as EDITS } from "./[id]/edits/route";
import { PATCH as PATCH_ARTICLE, DELETE as DELETE_ARTICLE } from "../articles/[id]/route";

const { db, admin, reviewer } = await freshDesk();
let articleId: string;
beforeAll(async () => {
  const text = [
    "Officials in Niamey said on Monday that 1,200 soldiers had been deployed to the border region near Mali, according to an army statement.",
    "The ministry said a further 30 convoys were expected before the end of the month, officials added on Monday.",
    "Some people think it was a nice day.",
  ].join("\n\n");
  articleId = (await importArticle(db, admin.user.id, { outlet: "Route Desk", text })).articleId;
});
afterAll(() => stopBoss());

const claims = () => db.claim.findMany({ where: { articleId }, orderBy: { start: "asc" } });
const call = (
  handler: (req: never, c: never) => Promise<Response>,
  path: string,
  method: string,
  body: unknown,
  token: string | undefined,
  params: Record<string, string> = {},
) => handler(apiRequest(path, { method, body, token }) as never, ctx(params) as never);

describe("article routes", () => {
  it("refuses strangers and reviewers, and bad input, changing nothing", async () => {
    const p = `/api/v1/articles/${articleId}`;
    expect((await call(PATCH_ARTICLE, p, "PATCH", { title: "x" }, undefined, { id: articleId })).status).toBe(401);
    expect((await call(PATCH_ARTICLE, p, "PATCH", { title: "x" }, reviewer.token, { id: articleId })).status).toBe(403);
    expect((await call(DELETE_ARTICLE, p, "DELETE", {}, reviewer.token, { id: articleId })).status).toBe(403);
    const bad = await call(PATCH_ARTICLE, p, "PATCH", { url: "javascript:alert(1)" }, admin.token, { id: articleId });
    expect(bad.status).toBe(400);
    expect((await call(PATCH_ARTICLE, p, "PATCH", {}, admin.token, { id: articleId })).status).toBe(400);
    expect((await db.article.findUniqueOrThrow({ where: { id: articleId } })).url).toBeNull();
  });
  it("lets an admin correct the title and date", async () => {
    const res = await call(PATCH_ARTICLE, `/api/v1/articles/${articleId}`, "PATCH", { title: "Troops at the border", publishedAt: "2024-05-06" }, admin.token, {
      id: articleId,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      article: { title: "Troops at the border", publishedAt: "2024-05-06T00:00:00.000Z", matching: "pending" },
      changed: ["title", "publishedAt"],
      rematch: true,
    });
  });
});

describe("claim curation routes", () => {
  it("sets aside, restores and lists the history; a stale version is a 409", async () => {
    const [c] = await claims();
    const p = `/api/v1/claims/${c.id}`;
    expect((await call(SET_ASIDE, `${p}/set-aside`, "POST", { version: c.version, reason: "opinion" }, undefined, { id: c.id })).status).toBe(401);
    expect((await call(SET_ASIDE, `${p}/set-aside`, "POST", { version: c.version, reason: "rude" }, reviewer.token, { id: c.id })).status).toBe(400);
    const ok = await call(SET_ASIDE, `${p}/set-aside`, "POST", { version: c.version, reason: "prediction" }, reviewer.token, { id: c.id });
    expect(await ok.json()).toEqual({ id: c.id, version: c.version + 1 });
    const stale = await call(RESTORE, `${p}/restore`, "POST", { version: c.version }, reviewer.token, { id: c.id });
    expect([stale.status, (await stale.json()).error]).toEqual([409, "stale_version"]);
    expect((await call(RESTORE, `${p}/restore`, "POST", { version: c.version + 1 }, reviewer.token, { id: c.id })).status).toBe(200);
    const edits = await (await call(EDITS, `${p}/edits`, "GET", undefined, reviewer.token, { id: c.id })).json();
    expect(edits.items.map((e: { action: string }) => e.action)).toEqual(["restore", "set_aside"]);
  });

  it("adds a claim (201), adjusts and splits it, merges a duplicate; only admins delete", async () => {
    const text = (await db.article.findUniqueOrThrow({ where: { id: articleId } })).text;
    const at = text.indexOf("nice day");
    const existing = (await claims()).find((c) => c.start <= at && c.end > at);
    expect(existing).toBeUndefined();
    const added = await call(ADD, "/api/v1/claims", "POST", { articleId, start: at, end: at + 4 }, reviewer.token);
    expect(added.status).toBe(201);
    const { id } = await added.json();
    const c = await db.claim.findUniqueOrThrow({ where: { id } });
    expect(c.text).toBe("Some people think it was a nice day.");
    const span = await call(SPAN, `/api/v1/claims/${id}`, "PATCH", { version: c.version, start: c.start, end: c.end - 1, snap: "exact" }, reviewer.token, {
      id,
    });
    expect([span.status, (await db.claim.findUniqueOrThrow({ where: { id } })).text]).toEqual([200, "Some people think it was a nice day"]);
    const [first] = await claims();
    const cut = text.indexOf(", according") + 1;
    const split = await call(SPLIT, `/api/v1/claims/${first.id}/split`, "POST", { version: first.version, at: cut }, reviewer.token, { id: first.id });
    const { newId } = await split.json();
    const [a, b] = await db.claim.findMany({ where: { id: { in: [first.id, newId] } }, orderBy: { start: "asc" } });
    const merged = await call(MERGE, `/api/v1/claims/${b.id}/merge`, "POST", { version: b.version, into: a.id, intoVersion: a.version }, reviewer.token, {
      id: b.id,
    });
    expect(merged.status).toBe(200);
    expect((await db.claim.findUniqueOrThrow({ where: { id: b.id } })).setAside).toBe("DUPLICATE");
    expect((await call(DELETE_CLAIM, `/api/v1/claims/${id}`, "DELETE", {}, reviewer.token, { id })).status).toBe(403);
    expect((await call(DELETE_CLAIM, `/api/v1/claims/${id}`, "DELETE", {}, admin.token, { id })).status).toBe(200);
    expect(await db.claim.count({ where: { id } })).toBe(0);
  });

  it("deletes the article: 409 with a verdict, then forced with a reason", async () => {
    const [c] = await claims();
    await db.claim.update({ where: { id: c.id }, data: { status: "SINGLE_SOURCED" } });
    const p = `/api/v1/articles/${articleId}`;
    const refused = await call(DELETE_ARTICLE, p, "DELETE", {}, admin.token, { id: articleId });
    expect([refused.status, (await refused.json()).reviewed]).toEqual([409, 1]);
    const forced = await call(DELETE_ARTICLE, p, "DELETE", { force: true, reason: "wrong story" }, admin.token, { id: articleId });
    expect(forced.status).toBe(200);
    expect(await db.article.count({ where: { id: articleId } })).toBe(0);
  });
});
