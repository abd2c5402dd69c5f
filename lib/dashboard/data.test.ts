import { describe, it, expect, beforeAll } from "vitest";
import { freshDatabase } from "@/tests/db";
import { userWithToken } from "@/tests/factories";
import { importSeedArticles } from "@/lib/cli/seed-articles";
import { assignClaim } from "@/lib/queue/mutations";
import type { Db } from "@/lib/db/client";
import { linkChangesThisWeek, progressByStatus, recentActivity, verdictsThisWeek, WEEK_MS } from "./data";

let db: Db;
let rita: Awaited<ReturnType<typeof userWithToken>>;
let ravi: Awaited<ReturnType<typeof userWithToken>>;
const now = new Date("2026-11-20T12:00:00Z");

beforeAll(async () => {
  db = (await freshDatabase()).db;
  await importSeedArticles(db, null);
  rita = await userWithToken(db, "REVIEWER");
  ravi = await userWithToken(db, "ADMIN");
  await db.user.update({ where: { id: rita.user.id }, data: { name: "Rita" } });
  await db.user.update({ where: { id: ravi.user.id }, data: { name: "Ravi" } });
});

describe("dashboard reads", () => {
  it("count claims per status, every status present", async () => {
    const total = await db.claim.count();
    const [a, b] = await db.claim.findMany({ take: 2, orderBy: { id: "asc" } });
    await db.claim.update({ where: { id: a.id }, data: { status: "CORROBORATED" } });
    await db.claim.update({ where: { id: b.id }, data: { status: "CORROBORATED" } });
    expect(await progressByStatus(db)).toEqual({
      total,
      items: [
        { status: "UNREVIEWED", count: total - 2 },
        { status: "CORROBORATED", count: 2 },
        { status: "SINGLE_SOURCED", count: 0 },
        { status: "CONTRADICTED", count: 0 },
      ],
    });
  });

  it("count verdicts per reviewer in the last seven days only, most first", async () => {
    const claims = await db.claim.findMany({ take: 4, orderBy: { id: "asc" } });
    const event = (actorId: string, claimId: string, ago: number) => ({
      claimId,
      actorId,
      verdict: "CORROBORATED" as const,
      previous: "UNREVIEWED" as const,
      kind: "VERDICT" as const,
      at: new Date(now.getTime() - ago),
    });
    await db.verdictEvent.createMany({
      data: [
        event(rita.user.id, claims[0].id, 1000),
        event(rita.user.id, claims[1].id, 2 * 86_400_000),
        event(rita.user.id, claims[2].id, WEEK_MS + 1000),
        event(ravi.user.id, claims[3].id, 3 * 86_400_000),
        event(rita.user.id, claims[3].id, 8 * 86_400_000),
        event(ravi.user.id, claims[0].id, -1000), // after `now`: not counted
        // Link changes, approvals and flags are history too, but not verdicts.
        {
          ...event(rita.user.id, claims[0].id, 5000),
          verdict: "UNREVIEWED",
          previous: "UNREVIEWED",
          kind: "LINK" as const,
          linkChange: "LINKED_SUPPORTS" as const,
        },
        {
          ...event(rita.user.id, claims[1].id, 5000),
          verdict: "UNREVIEWED",
          previous: "UNREVIEWED",
          kind: "LINK" as const,
          linkChange: "LINKED_SUPPORTS" as const,
        },
        { ...event(ravi.user.id, claims[3].id, 6000), verdict: "CORROBORATED", previous: "CORROBORATED", kind: "APPROVAL" },
      ],
    });
    await db.auditLog.createMany({
      data: [
        { actorId: rita.user.id, action: "claim.link", entity: "Claim", entityId: claims[0].id, at: new Date(now.getTime() - 5000) },
        { actorId: rita.user.id, action: "claim.verdict", entity: "Claim", entityId: claims[0].id, at: new Date(now.getTime() - 1000) },
      ],
    });
    // One link change, though its history is on both claims.
    expect(await linkChangesThisWeek(db, now)).toEqual([{ id: rita.user.id, name: "Rita", count: 1 }]);
    expect(await verdictsThisWeek(db, now)).toEqual([
      { id: rita.user.id, name: "Rita", count: 2 },
      { id: ravi.user.id, name: "Ravi", count: 1 },
    ]);
    expect(await verdictsThisWeek(db, new Date(now.getTime() + 30 * 86_400_000))).toEqual([]);
  });

  it("list the last 20 audit rows newest first, linking claims and articles", async () => {
    const claim = await db.claim.findFirstOrThrow({ orderBy: { id: "desc" } });
    await assignClaim(db, { id: rita.user.id, role: "REVIEWER" }, { claimId: claim.id, assigneeId: "me" });
    const rows = await recentActivity(db);
    expect(rows.length).toBe(Math.min(20, await db.auditLog.count()));
    expect(rows[0]).toMatchObject({ action: "claim.assign", entity: "Claim", actor: "Rita", href: `/claims/${claim.id}` });
    const imported = rows.find((r) => r.action === "article.import");
    expect(imported).toMatchObject({ actor: "System", href: expect.stringMatching(/^\/articles\/[0-9a-f-]{36}$/) });
    expect(rows.find((r) => r.entity === "User")?.href).toBeNull();
    const times = rows.map((r) => r.at.getTime());
    expect(times).toEqual([...times].sort((x, y) => y - x));
    expect(await recentActivity(db, 3)).toHaveLength(3);
  });
});
