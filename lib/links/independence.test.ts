import { describe, it, expect, beforeAll } from "vitest";
import { freshDatabase } from "../test/db";
import { userWithToken } from "../test/factories";
import { importSeedArticles } from "../cli/seed-articles";
import { updateOutlet } from "../outlets/mutations";
import { saveVerdict } from "../verdicts/mutations";
import type { Db } from "../db/client";
import { linkClaim } from "./mutations";

let db: Db;
let reviewer: Awaited<ReturnType<typeof userWithToken>>;
let admin: Awaited<ReturnType<typeof userWithToken>>;

beforeAll(async () => {
  db = (await freshDatabase()).db;
  reviewer = await userWithToken(db, "REVIEWER");
  admin = await userWithToken(db, "ADMIN");
  await importSeedArticles(db, null);
});

const claimIn = async (outlet: string, phrase: string) =>
  (await db.claim.findFirstOrThrow({ where: { text: { contains: phrase }, article: { outlet: { name: outlet } } } })).id;
const outletId = async (name: string) => (await db.outlet.findFirstOrThrow({ where: { name } })).id;
const touching = (outlet: string) => db.claimLink.findMany({
  where: { state: { not: "REJECTED" }, OR: [{ fromClaim: { article: { outlet: { name: outlet } } } }, { toClaim: { article: { outlet: { name: outlet } } } }] },
  select: { id: true, independent: true, state: true, fromClaim: { select: { article: { select: { outlet: { select: { name: true } } } } } }, toClaim: { select: { article: { select: { outlet: { select: { name: true } } } } } } },
});
const between = (l: Awaited<ReturnType<typeof touching>>[number], a: string, b: string) =>
  [l.fromClaim.article.outlet.name, l.toClaim.article.outlet.name].sort().join() === [a, b].sort().join();

describe("independence follows the origin groups", () => {
  it("putting two outlets in one origin group recomputes their links and flags the verdict that relied on one", async () => {
    const africa = await claimIn("Africanews", "the Kremlin said on Tuesday, August 15");
    const joy = await claimIn("MyJoyOnline", "on Tuesday had a telephone conversation");
    await linkClaim(db, reviewer.user.id, africa, { claimId: joy, relation: "supports", version: (await db.claim.findUniqueOrThrow({ where: { id: africa } })).version });
    // Only MyJoyOnline's support stands under this verdict.
    const others = await db.claimLink.findMany({ where: { fromClaimId: africa, state: "CONFIRMED", toClaimId: { not: joy } } });
    expect(others).toEqual([]);
    await saveVerdict(db, reviewer.user.id, africa, { verdict: "corroborated", version: (await db.claim.findUniqueOrThrow({ where: { id: africa } })).version });
    const before = await db.claim.findUniqueOrThrow({ where: { id: africa } });
    expect((await touching("Africanews")).filter((l) => between(l, "Africanews", "MyJoyOnline")).every((l) => l.independent)).toBe(true);

    await updateOutlet(db, admin.user.id, { id: await outletId("Africanews"), originGroup: "West Africa wire" });
    // One outlet in a group of its own changes nothing yet.
    expect((await db.claim.findUniqueOrThrow({ where: { id: africa } })).needsReview).toBe(false);
    await updateOutlet(db, admin.user.id, { id: await outletId("MyJoyOnline"), originGroup: "West Africa wire" });

    const pairLinks = (await touching("Africanews")).filter((l) => between(l, "Africanews", "MyJoyOnline"));
    expect(pairLinks.length).toBeGreaterThanOrEqual(2);
    expect(pairLinks.some((l) => l.state === "CONFIRMED")).toBe(true);
    expect(pairLinks.every((l) => !l.independent)).toBe(true);
    // Links to outlets outside the group stay independent.
    expect((await touching("Africanews")).filter((l) => between(l, "Africanews", "Tech Times")).every((l) => l.independent)).toBe(true);

    const after = await db.claim.findUniqueOrThrow({ where: { id: africa } });
    expect(after).toMatchObject({ status: "CORROBORATED", needsReview: true, needsReviewReason: expect.stringMatching(/origin group changed/) });
    expect(after.version).toBeGreaterThan(before.version);
    expect(await db.verdictEvent.count({ where: { claimId: africa, kind: "NEEDS_REVIEW" } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "claim.needs_review", entityId: africa } })).toBe(1);
    expect(await db.auditLog.findFirst({ where: { action: "outlet.update" }, orderBy: { id: "desc" } })).toMatchObject({ data: expect.objectContaining({ independence: expect.objectContaining({ flagged: expect.any(Number) }) }) });
    // Corroborated no longer holds on a same-origin link: re-review must choose otherwise.
    await expect(saveVerdict(db, reviewer.user.id, africa, { verdict: "corroborated", version: after.version })).rejects.toMatchObject({ code: "unprocessable" });
    await saveVerdict(db, reviewer.user.id, africa, { verdict: "single_sourced", version: after.version });
    expect(await db.claim.findUniqueOrThrow({ where: { id: africa } })).toMatchObject({ needsReview: false });

    // Apart again: independent again.
    await updateOutlet(db, admin.user.id, { id: await outletId("MyJoyOnline"), originGroup: null });
    expect((await touching("Africanews")).filter((l) => between(l, "Africanews", "MyJoyOnline")).every((l) => l.independent)).toBe(true);
  });
});
