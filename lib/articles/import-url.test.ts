import { describe, it, expect, beforeAll } from "vitest";
import { freshDatabase } from "../../tests/db";
import { fixtureServer } from "../../tests/fixture-server";
import { newsPage, STORY_V1 } from "../../tests/news-page";
import { parseAllowHosts } from "../fetch/safe-fetch";
import { importArticleFromUrl } from "./import-url";
import { toErrorBody } from "../http/errors";
import { sha256 } from "./mutations";
import type { Db } from "../db/client";

const PORT = 3242;
const fetchOptions = { allowHosts: parseAllowHosts(`127.0.0.1:${PORT}`), timeoutMs: 1500 };
let db: Db;
let base: string;
const page = newsPage(STORY_V1);
let queued: string[] = [];
const enqueue = async (id: string) => void queued.push(id);

beforeAll(async () => {
  db = (await freshDatabase()).db;
  const s = await fixtureServer(PORT);
  base = s.base;
  Object.assign(s.routes, {
    "/story": s.html(page, { etag: '"a1"' }),
    "/moved": (_q, r) => r.writeHead(301, { location: "/story" }).end(),
    "/copy": s.html(page),
    "/empty": s.html("<!doctype html><html><head><title>Nothing</title></head><body><nav>Home</nav></body></html>"),
    "/pdf": (_q, r) => r.writeHead(200, { "content-type": "application/pdf" }).end("%PDF-1.4"),
    "/huge": (_q, r) => r.writeHead(200, { "content-type": "text/html" }).end(`<p>${"word ".repeat(400_000)}</p>`),
    "/slow": (_q, r) => void setTimeout(() => r.writeHead(200, { "content-type": "text/html" }).end(page), 4000),
    "/to-private": (_q, r) => r.writeHead(302, { location: "http://192.168.1.1/" }).end(),
  } satisfies typeof s.routes);
});

const counts = async () => ({
  articles: await db.article.count(),
  snapshots: await db.articleSnapshot.count(),
  versions: await db.articleVersion.count(),
  claims: await db.claim.count(),
  outlets: await db.outlet.count(),
});

describe("importArticleFromUrl", () => {
  it("fetches, keeps the raw page as a snapshot, extracts with the metadata rules and queues matching", async () => {
    queued = [];
    const res = await importArticleFromUrl(db, { url: `${base}/story`, actorId: null, enqueue, fetchOptions });
    expect(res.created).toBe(true);
    const a = await db.article.findUniqueOrThrow({ where: { id: res.articleId }, include: { outlet: true, snapshots: true, versions: true, claims: true } });
    expect(a.title).toBe("Flooding displaces thousands in the river delta");
    expect(a.outlet.name).toBe("Delta Courier");
    expect(a.publishedAt?.toISOString().slice(0, 10)).toBe("2026-11-20");
    expect(a.fetchUrl).toBe(`${base}/story`);
    expect(a.url).toBe(`${base}/story`);
    expect(a.text).toContain("12,000 people");
    expect(a.text).not.toContain("not article text");
    expect(a.snapshots).toHaveLength(1);
    expect(a.snapshots[0]).toMatchObject({
      html: page,
      status: 200,
      finalUrl: `${base}/story`,
      requestedUrl: `${base}/story`,
      etag: '"a1"',
      contentHash: sha256(page),
      bytes: Buffer.byteLength(page),
    });
    expect(a.versions).toMatchObject([{ number: 1, text: a.text, snapshotId: a.snapshots[0].id }]);
    expect(a.claims.length).toBeGreaterThan(1);
    expect(a.claims.every((c) => c.anchoredVersion === 1)).toBe(true);
    expect(queued).toEqual([a.id]);
  });

  it("answers a known address, a redirect to it, or the same text elsewhere with the article it has", async () => {
    const first = await db.article.findFirstOrThrow();
    const before = await counts();
    for (const path of ["/story", "/moved", "/copy"]) {
      const res = await importArticleFromUrl(db, { url: `${base}${path}`, actorId: null, fetchOptions });
      expect(res).toEqual({ articleId: first.id, created: false });
    }
    expect(await counts()).toEqual(before);
  });

  it.each([
    ["/empty", 422, "no_text"],
    ["/pdf", 422, "not_html"],
    ["/huge", 422, "too_large"],
    ["/slow", 422, "timeout"],
    ["/to-private", 422, "private_address"],
    ["/nothing-here", 422, "http_error"],
  ])("refuses %s with a clear reason and stores nothing", async (path, status, reason) => {
    const before = await counts();
    const e = await importArticleFromUrl(db, {
      url: `${base}${path}`,
      actorId: null,
      outlet: "Somebody New",
      fetchOptions: { ...fetchOptions, maxBytes: 1_000_000 },
    }).catch((x: unknown) => x);
    const body = toErrorBody(e);
    expect([body.status, body.body.reason]).toEqual([status, reason]);
    expect(body.body.message.length).toBeGreaterThan(10);
    expect(await counts()).toEqual(before);
  });

  it("refuses an unreachable site and a private one without the allow-list", async () => {
    const e1 = toErrorBody(
      await importArticleFromUrl(db, { url: "http://127.0.0.1:3249/", actorId: null, fetchOptions: { allowHosts: parseAllowHosts("127.0.0.1:3249") } }).catch(
        (x: unknown) => x,
      ),
    );
    expect(e1.body.reason).toBe("unreachable");
    const e2 = toErrorBody(await importArticleFromUrl(db, { url: `${base}/story-2`, actorId: null }).catch((x: unknown) => x));
    expect(e2.body.reason).toBe("private_address");
  });
});
