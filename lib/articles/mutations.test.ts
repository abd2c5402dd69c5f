import fs from "node:fs";
import path from "node:path";
import { describe, it, expect, beforeAll } from "vitest";
import { freshDatabase } from "../../tests/db";
import { importArticle, contentHash } from "./mutations";
import { SEED_DIR, seedEntries } from "../cli/seed-articles";
import type { Db } from "../db/client";

let db: Db;
beforeAll(async () => {
  db = (await freshDatabase()).db;
});

const seed = seedEntries().map((e) => ({ ...e, raw: fs.readFileSync(path.join(SEED_DIR, e.file), "utf8") }));

describe("importing the seed articles", () => {
  it("stores raw text exactly as received and claims whose offsets round-trip in the stored text", async () => {
    for (const s of seed) {
      const res = await importArticle(db, null, { outlet: s.outlet, text: s.raw });
      expect(res.duplicate).toBe(false);
      const a = await db.article.findUniqueOrThrow({ where: { id: res.articleId }, include: { claims: true, outlet: true } });
      expect(a.rawText).toBe(s.raw);
      expect(a.outlet.name).toBe(s.outlet);
      expect(a.claims.length).toBeGreaterThan(2);
      for (const c of a.claims) {
        expect(a.text.slice(c.start, c.end)).toBe(c.text);
        expect(a.text.slice(Math.max(0, c.start - 32), c.start)).toBe(c.prefix);
        expect(a.text.slice(c.end, c.end + 32)).toBe(c.suffix);
      }
    }
    expect(await db.outlet.count()).toBe(5);
  });

  it("takes publishedAt from a leading date header", async () => {
    const withHeader = seed.filter((s) => /^\s*date \d{4}-\d{2}-\d{2}/.test(s.raw));
    expect(withHeader.length).toBe(2);
    for (const s of withHeader) {
      const a = await db.article.findFirstOrThrow({ where: { rawText: s.raw } });
      expect(a.publishedAt?.toISOString().slice(0, 10)).toBe(s.raw.match(/date (\d{4}-\d{2}-\d{2})/)![1]);
    }
  });

  it("answers the same content again as a duplicate of the first article, whatever the whitespace", async () => {
    const first = await db.article.findFirstOrThrow({ where: { rawText: seed[0].raw } });
    const again = await importArticle(db, null, { outlet: "Another outlet", text: seed[0].raw.replace(/ /g, "  ") + "\n\n" });
    expect(again).toEqual({ duplicate: true, articleId: first.id });
    expect(await db.article.count()).toBe(5);
    expect(first.contentHash).toBe(contentHash(first.text));
  });

  it("leaves one article after ten identical imports at once", async () => {
    const text = "Officials in Bamako said on Monday that 1,200 soldiers had been deployed to the northern region of Kidal, according to a statement.";
    const results = await Promise.all(Array.from({ length: 10 }, () => importArticle(db, null, { outlet: "Race Wire", text })));
    const ids = new Set(results.map((r) => r.articleId));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => !r.duplicate).length).toBe(1);
    expect(await db.article.count({ where: { outlet: { name: "Race Wire" } } })).toBe(1);
  });

  it("writes an audit row for each import, in the same transaction", async () => {
    const n = await db.auditLog.count({ where: { action: "article.import" } });
    expect(n).toBe(await db.article.count());
  });

  it("refuses text that cleaning empties, and text over 1 MB, changing nothing", async () => {
    const before = await db.article.count();
    await expect(importArticle(db, null, { outlet: "X", text: "Advertisement\n\nLogo\n\nWhatsApp Telegram Facebook Twitter" })).rejects.toMatchObject({
      kind: "rule",
    });
    await expect(importArticle(db, null, { outlet: "X", text: "word ".repeat(210_000) })).rejects.toMatchObject({ kind: "too_large" });
    expect(await db.article.count()).toBe(before);
    expect(await db.outlet.count({ where: { name: "X" } })).toBe(0);
  });
});
