import { describe, it, expect, beforeAll } from "vitest";
import { freshDatabase } from "../../tests/db";
import { userWithToken } from "../../tests/factories";
import type { Db } from "../db/client";
import { auditFilterOptions, listAudit } from "./data";
import { auditHref, parseAuditFilters } from "./schema";

let db: Db;
let admin: Awaited<ReturnType<typeof userWithToken>>;

beforeAll(async () => {
  db = (await freshDatabase()).db;
  admin = await userWithToken(db, "ADMIN");
  await db.auditLog.createMany({
    data: Array.from({ length: 7 }, (_, i) => ({
      actorId: i % 2 ? admin.user.id : null,
      action: i < 4 ? "claim.verdict" : "settings.update",
      entity: "X",
      at: new Date(Date.UTC(2026, 0, 1 + i, 12)),
    })),
  });
});

describe("audit log reads", () => {
  it("lists newest first, a page at a time", async () => {
    const all = await db.auditLog.count();
    const first = await listAudit(db, parseAuditFilters({}), 3);
    expect(first.items).toHaveLength(3);
    expect(first).toMatchObject({ hasNext: true, hasPrevious: false });
    const ats = first.items.map((e) => e.at.getTime());
    expect(ats).toEqual([...ats].sort((a, b) => b - a));
    const last = await listAudit(db, parseAuditFilters({ page: String(Math.ceil(all / 3)) }), 3);
    expect(last.hasNext).toBe(false);
    expect(last.hasPrevious).toBe(true);
  });

  it("filters by actor, action and an inclusive date range", async () => {
    const byAction = await listAudit(db, parseAuditFilters({ action: "settings.update" }));
    expect(byAction.items).toHaveLength(3);
    const byActor = await listAudit(db, parseAuditFilters({ actor: admin.user.id, action: "claim.verdict" }));
    expect(byActor.items.every((e) => e.actor?.id === admin.user.id && e.action === "claim.verdict")).toBe(true);
    const range = await listAudit(db, parseAuditFilters({ from: "2026-01-02", to: "2026-01-03" }));
    expect(range.items.map((e) => e.at.toISOString().slice(0, 10))).toEqual(["2026-01-03", "2026-01-02"]);
  });

  it("offers the distinct actions and the actors who acted as filter choices", async () => {
    const o = await auditFilterOptions(db);
    expect(o.actions).toEqual(expect.arrayContaining(["claim.verdict", "settings.update", "user.create"]));
    expect(new Set(o.actions).size).toBe(o.actions.length);
    expect(o.actors.map((a) => a.id)).toEqual([admin.user.id]);
  });

  it("drops bad parameters instead of failing, and builds shareable links", () => {
    expect(parseAuditFilters({ actor: "nope", from: "yesterday", page: "2" })).toEqual({ page: 2 });
    expect(auditHref({ action: "token.create", page: 2 })).toBe("/admin/audit?action=token.create&page=2");
  });
});
