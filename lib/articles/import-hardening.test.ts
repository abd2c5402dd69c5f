import { describe, it, expect, beforeAll } from "vitest";
import { freshDatabase } from "../../tests/db";
import { longProse } from "../../tests/prose";
import { importArticle } from "./mutations";
import { toErrorBody } from "../http/errors";
import { createOutlet, updateOutlet } from "../outlets/mutations";
import type { Db } from "../db/client";

let db: Db;
beforeAll(async () => {
  db = (await freshDatabase()).db;
});

const text = (n: number) =>
  `Officials in Bamako said on Monday that ${n} soldiers had been deployed to the northern region of Kidal, according to a statement.`;

describe("import hardening", () => {
  it("a failed import leaves neither its new outlet nor that outlet's audit row", async () => {
    // A NUL that slipped past the schema (the CLI and seed call the mutation directly).
    const e = await importArticle(db, null, { outlet: "Brand New Outlet", title: "bad\u0000title", text: text(1) }).catch((x: unknown) => x);
    expect(toErrorBody(e).status).toBe(400);
    expect(await db.outlet.count({ where: { name: "Brand New Outlet" } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "outlet.create" } })).toBe(0);
    expect(await db.article.count()).toBe(0);
  });

  it("imports a 1 MB article with its thousands of claims in batches", async () => {
    const big = longProse(990_000);
    const res = await importArticle(db, null, { outlet: "Long Reads", text: big });
    const a = await db.article.findUniqueOrThrow({ where: { id: res.articleId }, include: { claims: { orderBy: { start: "asc" } } } });
    expect(a.claims.length).toBeGreaterThan(4000);
    for (const c of [a.claims[0], a.claims[2500], a.claims.at(-1)!]) {
      expect(a.text.slice(c.start, c.end)).toBe(c.text);
      expect(a.text.slice(Math.max(0, c.start - 32), c.start)).toBe(c.prefix);
      expect(c.kind).toMatch(/^[A-Z]+$/);
    }
    const log = await db.auditLog.findFirstOrThrow({ where: { action: "article.import", entityId: a.id } });
    expect(log.data).toMatchObject({ claims: a.claims.length });
  }, 120_000);

  it("an outlet name with a zero-width space is the existing outlet; a Cyrillic look-alike is refused", async () => {
    const first = await importArticle(db, null, { outlet: "Africanews", text: text(2) });
    const zw = await importArticle(db, null, { outlet: "Africanews\u200b", text: text(3) });
    const [a1, a2] = await Promise.all([first, zw].map((r) => db.article.findUniqueOrThrow({ where: { id: r.articleId } })));
    expect(a2.outletId).toBe(a1.outletId);
    const before = await db.article.count();
    await expect(importArticle(db, null, { outlet: "\u0410fricanews", text: text(4) })).rejects.toMatchObject({
      kind: "conflict",
      message: expect.stringMatching(/looks like the existing outlet Africanews/),
    });
    expect(await db.article.count()).toBe(before);
    expect(await db.outlet.count({ where: { name: { contains: "fricanews" } } })).toBe(1);
  });

  it("the outlets admin refuses a look-alike name too, on create and on rename", async () => {
    await expect(createOutlet(db, null, { name: "Afr\u0456canews" })).rejects.toMatchObject({ kind: "conflict", message: expect.stringMatching(/Africanews/) });
    const other = await createOutlet(db, null, { name: "Daily Planet" });
    await expect(updateOutlet(db, null, { id: other.id, name: "\u0410fricanews" })).rejects.toMatchObject({ kind: "conflict" });
    expect(await createOutlet(db, null, { name: "Africa News Now" })).toMatchObject({ name: "Africa News Now" });
  });
});
