import { describe, it, expect, beforeAll } from "vitest";
import { freshDatabase } from "../../tests/db";
import { fixtureServer } from "../../tests/fixture-server";
import { newsPage, STORY_V1, STORY_V2 } from "../../tests/news-page";
import { userWithToken } from "../../tests/factories";
import { parseAllowHosts } from "../fetch/safe-fetch";
import { importArticleFromUrl } from "./import-url";
import { refetchArticle } from "./versions";
import { saveVerdict } from "../verdicts/mutations";
import { toErrorBody } from "../http/errors";
import type { Db } from "../db/client";

const PORT = 3244;
const fetchOptions = { allowHosts: parseAllowHosts(`127.0.0.1:${PORT}`) };
let db: Db;
let reviewerId: string;
let page = newsPage(STORY_V1);
let etag = '"v1"';
let requests: { inm?: string }[] = [];
let articleId: string;

beforeAll(async () => {
  db = (await freshDatabase()).db;
  reviewerId = (await userWithToken(db, "REVIEWER")).user.id;
  const s = await fixtureServer(PORT);
  s.routes["/story"] = (q, r) => {
    requests.push({ inm: q.headers["if-none-match"] as string | undefined });
    if (q.headers["if-none-match"] === etag) return void r.writeHead(304, { etag }).end();
    r.writeHead(200, { "content-type": "text/html; charset=utf-8", etag }).end(page);
  };
  s.routes["/broken"] = (_q, r) => void r.writeHead(500, { "content-type": "text/html" }).end("down");
  articleId = (await importArticleFromUrl(db, { url: `http://127.0.0.1:${PORT}/story`, actorId: null, fetchOptions })).articleId;
});

const claimAt = async (words: string) => db.claim.findFirstOrThrow({ where: { articleId, text: { contains: words } } });

describe("re-fetching an article whose page changed", () => {
  it("sends a conditional request and records an unchanged page without a version", async () => {
    requests = [];
    const res = await refetchArticle(db, { articleId, actorId: null, fetchOptions });
    expect(res).toMatchObject({ changed: false, version: 1, status: 304 });
    expect(requests).toEqual([{ inm: '"v1"' }]);
    expect(await db.articleVersion.count({ where: { articleId } })).toBe(1);
  });

  it("makes version 2: moved claims keep their verdicts, the edited and removed ones are flagged", async () => {
    const toll = await claimAt("12,000 people");
    const boats = await claimAt("40 boats");
    const rain = await claimAt("150 millimetres");
    const schools = await claimAt("Schools in three districts");
    for (const c of [toll, boats, schools])
      await saveVerdict(db, reviewerId, c.id, { verdict: "single_sourced", links: [], version: c.version, rationale: "Only this outlet reports it." });

    page = newsPage(STORY_V2);
    etag = '"v2"';
    const queued: string[][] = [];
    const res = await refetchArticle(db, { articleId, actorId: null, fetchOptions, enqueue: async (_id, ids) => void queued.push(ids) });
    expect(res).toMatchObject({ changed: true, version: 2, status: 200 });
    expect(res.flagged.sort()).toEqual([toll.id, schools.id].sort());

    const article = await db.article.findUniqueOrThrow({ where: { id: articleId }, include: { versions: { orderBy: { number: "asc" } }, snapshots: true } });
    expect(article.currentVersion).toBe(2);
    expect(article.text).toContain("18,000 people");
    expect(article.versions.map((v) => v.number)).toEqual([1, 2]);
    expect(article.versions[0].text).toContain("12,000 people");
    expect(article.snapshots).toHaveLength(2);

    // Moved: same words, new place, verdict kept, no flag.
    for (const before of [boats, rain]) {
      const c = await db.claim.findUniqueOrThrow({ where: { id: before.id } });
      expect(c).toMatchObject({
        anchoredVersion: 2,
        sourceChanged: false,
        status: before.id === boats.id ? "SINGLE_SOURCED" : "UNREVIEWED",
        text: before.text,
      });
      expect(c.start).toBeGreaterThan(before.start);
      expect(article.text.slice(c.start, c.end)).toBe(c.text);
    }
    // Changed and orphaned: left on version 1 with their words, verdict kept, flagged with the change.
    const t = await db.claim.findUniqueOrThrow({ where: { id: toll.id } });
    expect(t).toMatchObject({ anchoredVersion: 1, sourceChanged: true, status: "SINGLE_SOURCED", text: toll.text, start: toll.start });
    expect(t.sourceChange).toMatchObject({ kind: "changed", fromVersion: 1, toVersion: 2, before: toll.text, after: expect.stringContaining("18,000 people") });
    expect(article.versions[0].text.slice(t.start, t.end)).toBe(t.text);
    const s = await db.claim.findUniqueOrThrow({ where: { id: schools.id } });
    expect(s).toMatchObject({ anchoredVersion: 1, sourceChanged: true, status: "SINGLE_SOURCED" });
    expect(s.sourceChange).toMatchObject({ kind: "orphaned", after: null });

    // History records the change.
    const events = await db.verdictEvent.findMany({ where: { claimId: { in: [toll.id, schools.id] }, kind: "SOURCE_CHANGED" } });
    expect(events).toHaveLength(2);
    expect(events.find((e) => e.claimId === toll.id)?.rationale).toContain("18,000");

    // The paragraph added above brings a new claim on version 2, and a date the article did not name
    // ("on Tuesday"): every claim is read with its article's dates (decision 036), so all of them,
    // not only the new one, are queued for matching again.
    const added = await db.claim.findMany({ where: { articleId, id: { in: res.added } } });
    expect(added.some((c) => c.text.includes("red alert"))).toBe(true);
    expect(added.every((c) => c.anchoredVersion === 2 && article.text.slice(c.start, c.end) === c.text)).toBe(true);
    const every = (await db.claim.findMany({ where: { articleId }, select: { id: true } })).map((c) => c.id).sort();
    expect(queued.map((ids) => [...ids].sort())).toEqual([every]);
    expect(every.length).toBeGreaterThan(res.added.length);
    // No new claim stands on the changed sentence's new words.
    expect(added.some((c) => c.text.includes("18,000"))).toBe(false);
  });

  it("a flagged claim cannot be approved for publication until a verdict is saved again", async () => {
    const { approveClaim } = await import("../publishing/mutations");
    const admin = (await userWithToken(db, "ADMIN")).user.id;
    const t = await claimAt("12,000 people");
    const e = await approveClaim(db, admin, t.id, t.version).catch((x: unknown) => x);
    expect(toErrorBody(e)).toMatchObject({ status: 422, body: { message: expect.stringContaining("source article changed") } });
  });

  it("a new verdict clears the flag and keeps the change on record", async () => {
    const t = await claimAt("12,000 people");
    await saveVerdict(db, reviewerId, t.id, { verdict: "single_sourced", links: [], version: t.version, rationale: "Checked the new figure too." });
    const after = await db.claim.findUniqueOrThrow({ where: { id: t.id } });
    expect(after.sourceChanged).toBe(false);
    expect(after.sourceChange).toMatchObject({ kind: "changed" });
  });

  it("refuses to change a snapshot or a version", async () => {
    const v = await db.articleVersion.findFirstOrThrow({ where: { articleId } });
    await expect(db.articleVersion.update({ where: { id: v.id }, data: { text: "rewritten" } })).rejects.toThrow();
    const snap = await db.articleSnapshot.findFirstOrThrow({ where: { articleId } });
    await expect(db.articleSnapshot.update({ where: { id: snap.id }, data: { html: "<p>forged</p>" } })).rejects.toThrow();
  });

  it("keeps a failed fetch on the article and stores no version", async () => {
    await db.article.update({ where: { id: articleId }, data: { fetchUrl: `http://127.0.0.1:${PORT}/broken` } });
    const e = await refetchArticle(db, { articleId, actorId: null, fetchOptions }).catch((x: unknown) => x);
    expect(toErrorBody(e).body).toMatchObject({ reason: "http_error" });
    const a = await db.article.findUniqueOrThrow({ where: { id: articleId }, select: { fetchError: true, currentVersion: true } });
    expect(a.fetchError).toContain("500");
    expect(a.currentVersion).toBe(2);
  });

  it("deletes an article with its versions and snapshots", async () => {
    const { deleteArticle } = await import("./mutations");
    const admin = (await userWithToken(db, "ADMIN")).user.id;
    await deleteArticle(db, admin, articleId, { force: true, reason: "Test clean-up of a fetched article." });
    expect(await db.articleVersion.count({ where: { articleId } })).toBe(0);
    expect(await db.articleSnapshot.count({ where: { articleId } })).toBe(0);
  });
});
