import fs from "node:fs";
import path from "node:path";
import { describe, it, expect, beforeAll } from "vitest";
import { freshDatabase } from "../../tests/db";
import { userWithToken } from "../../tests/factories";
import { importArticle, updateArticle, deleteArticle } from "./mutations";
import { SEED_DIR, seedEntries } from "../cli/seed-articles";
import type { Db } from "../db/client";

let db: Db;
let admin: string;
beforeAll(async () => {
  db = (await freshDatabase()).db;
  admin = (await userWithToken(db, "ADMIN")).user.id;
});
const raw = (f: string) => fs.readFileSync(path.join(SEED_DIR, f), "utf8");
const fixture = (f: string) => fs.readFileSync(path.join(import.meta.dirname, "fixtures", f), "utf8");
const story = (n: number) =>
  `Officials in Niamey said on Monday that ${1000 + n} soldiers had been deployed to the border region, according to a statement from the army.\n\nThe ministry said a further ${n} convoys were expected before the end of the month, officials added on Monday.`;

describe("import with the article's own metadata", () => {
  it("gives every seed article its headline (or lede) as title and keeps the editor's dates", async () => {
    for (const e of seedEntries()) await importArticle(db, admin, { outlet: e.outlet, publishedAt: e.publishedAt, text: raw(e.file) });
    const rows = await db.article.findMany({ select: { title: true, publishedAt: true, outlet: { select: { name: true } } } });
    const byOutlet = Object.fromEntries(rows.map((r) => [r.outlet.name, r]));
    expect(byOutlet["TODAY"].title).toBe("Putin discusses Niger crisis with Malian leader -Kremlin");
    expect(byOutlet["Tech Times"].title).toBe("Vladimir Putin Talks About Niger Coup");
    expect(byOutlet["The Moscow Times"].title).toBe("Russia, Mali To Strengthen Counterterrorism Efforts");
    expect(rows.every((r) => r.title && !/untitled/i.test(r.title))).toBe(true);
    expect(rows.map((r) => [r.outlet.name, r.publishedAt?.toISOString().slice(0, 10)]).sort()).toEqual([
      ["Africanews", "2023-08-16"],
      ["MyJoyOnline", "2023-08-15"],
      ["TODAY", "2023-09-10"],
      ["Tech Times", "2023-08-16"],
      ["The Moscow Times", "2024-03-27"],
    ]);
  });

  it("reads og metadata from raw HTML, names a known outlet by its site name, and lets typed values win", async () => {
    await db.outlet.create({ data: { name: "Example Wire" } });
    const html = fixture("wire-story.html");
    const text =
      "ACCRA, Aug 17 (Reuters) - West African army chiefs met in Accra on Thursday to prepare a possible military intervention in Niger, officials said.\n\nThe bloc has said it will use force only if diplomacy fails.";
    const auto = await importArticle(db, admin, { text }, { rawText: html });
    const a = await db.article.findUniqueOrThrow({ where: { id: auto.articleId }, include: { outlet: true } });
    expect(a.outlet.name).toBe("Example Wire");
    expect(a.title).toBe("West African bloc readies standby force & awaits talks");
    expect(a.url).toBe("https://www.examplewire.com/world/africa/bloc-standby-force-2023-08-17/");
    expect(a.publishedAt?.toISOString().slice(0, 10)).toBe("2023-08-17");

    const typed = await importArticle(
      db,
      admin,
      { outlet: "Typed Outlet", title: "Typed title", publishedAt: "2023-08-20", url: "https://typed.example/x", text: text + " Edited." },
      { rawText: html },
    );
    const t = await db.article.findUniqueOrThrow({ where: { id: typed.articleId }, include: { outlet: true } });
    expect([t.outlet.name, t.title, t.url, t.publishedAt?.toISOString().slice(0, 10)]).toEqual([
      "Typed Outlet",
      "Typed title",
      "https://typed.example/x",
      "2023-08-20",
    ]);
  });

  it("refuses an article that names no outlet when none was typed, changing nothing", async () => {
    const before = await db.article.count();
    await expect(importArticle(db, admin, { text: story(1) })).rejects.toMatchObject({ kind: "rule" });
    expect(await db.article.count()).toBe(before);
  });
});

describe("editing an article", () => {
  it("changes title, URL, date and outlet, audits each change, and re-queues matching for a new date or outlet", async () => {
    const { articleId } = await importArticle(db, admin, { outlet: "Edit Desk", text: story(2) });
    await db.article.update({ where: { id: articleId }, data: { matching: "DONE" } });
    const queued: string[] = [];
    const enqueue = async (id: string) => void queued.push(id);

    const titled = await updateArticle(db, admin, articleId, { title: "Troops deployed", url: "https://x.example/a" }, { enqueue });
    expect(titled).toEqual({ id: articleId, changed: ["title", "url"], rematch: false });
    expect(queued).toEqual([]);

    const moved = await updateArticle(db, admin, articleId, { publishedAt: "2024-01-02", outlet: "Other Desk" }, { enqueue });
    expect(moved.rematch).toBe(true);
    expect(queued).toEqual([articleId]);
    const a = await db.article.findUniqueOrThrow({ where: { id: articleId }, include: { outlet: true } });
    expect([a.title, a.url, a.publishedAt?.toISOString().slice(0, 10), a.outlet.name, a.matching]).toEqual([
      "Troops deployed",
      "https://x.example/a",
      "2024-01-02",
      "Other Desk",
      "PENDING",
    ]);

    const cleared = await updateArticle(db, admin, articleId, { title: null, url: null, publishedAt: null }, { enqueue });
    expect(cleared.changed).toEqual(["title", "url", "publishedAt"]);
    const audits = await db.auditLog.findMany({ where: { action: "article.update", entityId: articleId }, orderBy: { at: "asc" } });
    expect(audits.map((x) => Object.keys(x.data as object).sort())).toEqual([
      ["title", "url"],
      ["outlet", "publishedAt"],
      ["publishedAt", "title", "url"],
    ]);
    expect(await updateArticle(db, admin, articleId, { title: null }, { enqueue })).toMatchObject({ changed: [] });
  });

  it("answers 404 for an unknown article", async () => {
    await expect(updateArticle(db, admin, "00000000-0000-4000-8000-000000000000", { title: "x" })).rejects.toMatchObject({ kind: "not_found" });
  });
});

describe("deleting an article", () => {
  async function pair() {
    const a = await importArticle(db, admin, { outlet: "Del A", text: story(10 + Math.floor(Math.random() * 1e6)) });
    const b = await importArticle(db, admin, { outlet: "Del B", text: story(20 + Math.floor(Math.random() * 1e6)) });
    const [ca] = await db.claim.findMany({ where: { articleId: a.articleId }, take: 1 });
    const [cb] = await db.claim.findMany({ where: { articleId: b.articleId }, take: 1 });
    await db.claimLink.createMany({
      data: [
        { fromClaimId: ca.id, toClaimId: cb.id, relation: "SUPPORTS", state: "CONFIRMED", origin: "REVIEWER" },
        { fromClaimId: cb.id, toClaimId: ca.id, relation: "SUPPORTS", state: "CONFIRMED", origin: "REVIEWER" },
      ],
    });
    await db.claim.update({ where: { id: cb.id }, data: { suggestedVerdict: "CORROBORATED" } });
    return { a: a.articleId, ca, cb };
  }

  it("removes its claims and both directions of their links, and refreshes the partners' suggested verdicts", async () => {
    const { a, ca, cb } = await pair();
    const res = await deleteArticle(db, admin, a, { force: false });
    expect(res).toMatchObject({ id: a, deleted: true });
    expect(await db.article.count({ where: { id: a } })).toBe(0);
    expect(await db.claim.count({ where: { articleId: a } })).toBe(0);
    expect(await db.claimLink.count({ where: { OR: [{ fromClaimId: ca.id }, { toClaimId: ca.id }] } })).toBe(0);
    expect((await db.claim.findUniqueOrThrow({ where: { id: cb.id } })).suggestedVerdict).toBe("SINGLE_SOURCED");
    expect(await db.auditLog.count({ where: { action: "article.delete", entityId: a } })).toBe(1);
  });

  it("refuses with 409 when a claim has a verdict; forced with a reason, keeps that claim's history in the audit log", async () => {
    const { a, ca } = await pair();
    await db.claim.update({ where: { id: ca.id }, data: { status: "CORROBORATED" } });
    await db.verdictEvent.create({
      data: { claimId: ca.id, actorId: admin, verdict: "CORROBORATED", previous: "UNREVIEWED", rationale: "Two outlets", linkedClaimIds: [], kind: "VERDICT" },
    });
    await expect(deleteArticle(db, admin, a, { force: false })).rejects.toMatchObject({ kind: "conflict", details: { reviewed: 1 } });
    await expect(deleteArticle(db, admin, a, { force: true })).rejects.toMatchObject({ kind: "bad_input" });
    expect(await db.claim.count({ where: { articleId: a } })).toBeGreaterThan(0);

    await deleteArticle(db, admin, a, { force: true, reason: "Imported under the wrong story" });
    expect(await db.claim.count({ where: { articleId: a } })).toBe(0);
    expect(await db.verdictEvent.count({ where: { claimId: ca.id } })).toBe(0);
    const log = await db.auditLog.findFirstOrThrow({ where: { action: "article.delete", entityId: a } });
    const data = log.data as { forced: boolean; reason: string; claims: { id: string; verdicts: { rationale: string }[] }[] };
    expect(data).toMatchObject({ forced: true, reason: "Imported under the wrong story" });
    expect(data.claims.find((c) => c.id === ca.id)!.verdicts.map((v) => v.rationale)).toEqual(["Two outlets"]);
  });

  it("keeps history append-only outside a purge", async () => {
    const { ca } = await pair();
    await db.verdictEvent.create({
      data: { claimId: ca.id, actorId: admin, verdict: "UNREVIEWED", previous: "UNREVIEWED", linkedClaimIds: [], kind: "VERDICT" },
    });
    await expect(db.verdictEvent.deleteMany({ where: { claimId: ca.id } })).rejects.toThrow(/append-only/);
    await expect(db.auditLog.deleteMany({})).rejects.toThrow(/append-only/);
  });
});
