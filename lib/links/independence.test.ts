import { describe, it, expect, vi } from "vitest";
import { freshDesk } from "../../tests/desk";
import { apiRequest, ctx } from "../../tests/factories";
import { runAs } from "../auth/current";
import { updateOutlet } from "../outlets/mutations";
import { saveVerdict } from "../verdicts/mutations";
import { linkClaim } from "./mutations";
import { PATCH } from "@/app/api/v1/articles/[id]/route";

vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
const { setWireCreditAction } = await import("@/app/(desk)/articles/actions");

const { db, admin, reviewer } = await freshDesk({ seed: true });

const claimIn = async (outlet: string, phrase: string) => (await claimRow(outlet, phrase)).id;
const claimRow = (outlet: string, phrase: string) =>
  db.claim.findFirstOrThrow({ where: { text: { contains: phrase }, article: { outlet: { name: outlet } } } });
const patch = (articleId: string, token: string | undefined, wireCredit: string | null) =>
  PATCH(apiRequest(`/api/v1/articles/${articleId}`, { method: "PATCH", token, body: { wireCredit } }), ctx({ id: articleId }));
const outletId = async (name: string) => (await db.outlet.findFirstOrThrow({ where: { name } })).id;
const touching = (outlet: string) =>
  db.claimLink.findMany({
    where: {
      state: { not: "REJECTED" },
      OR: [{ fromClaim: { article: { outlet: { name: outlet } } } }, { toClaim: { article: { outlet: { name: outlet } } } }],
    },
    select: {
      id: true,
      independent: true,
      state: true,
      fromClaim: { select: { article: { select: { outlet: { select: { name: true } } } } } },
      toClaim: { select: { article: { select: { outlet: { select: { name: true } } } } } },
    },
  });
const between = (l: Awaited<ReturnType<typeof touching>>[number], a: string, b: string) =>
  [l.fromClaim.article.outlet.name, l.toClaim.article.outlet.name].sort().join() === [a, b].sort().join();

describe("independence follows the origin groups", () => {
  it("putting two outlets in one origin group recomputes their links and flags the verdict that relied on one", async () => {
    const africa = await claimIn("Africanews", "the Kremlin said on Tuesday, August 15");
    const joy = await claimIn("MyJoyOnline", "on Tuesday had a telephone conversation");
    await linkClaim(db, reviewer.user.id, africa, {
      claimId: joy,
      relation: "supports",
      version: (await db.claim.findUniqueOrThrow({ where: { id: africa } })).version,
    });
    // Only MyJoyOnline's support stands under this verdict.
    const others = await db.claimLink.findMany({ where: { fromClaimId: africa, state: "CONFIRMED", toClaimId: { not: joy } } });
    expect(others).toEqual([]);
    await saveVerdict(db, reviewer.user.id, africa, {
      verdict: "corroborated",
      version: (await db.claim.findUniqueOrThrow({ where: { id: africa } })).version,
    });
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
    expect(await db.auditLog.findFirst({ where: { action: "outlet.update" }, orderBy: { id: "desc" } })).toMatchObject({
      data: expect.objectContaining({ independence: expect.objectContaining({ flagged: expect.any(Number) }) }),
    });
    // Corroborated no longer holds on a same-origin link: re-review must choose otherwise.
    await expect(saveVerdict(db, reviewer.user.id, africa, { verdict: "corroborated", version: after.version })).rejects.toMatchObject({ kind: "rule" });
    await saveVerdict(db, reviewer.user.id, africa, { verdict: "single_sourced", version: after.version });
    expect(await db.claim.findUniqueOrThrow({ where: { id: africa } })).toMatchObject({ needsReview: false });

    // Apart again: independent again.
    await updateOutlet(db, admin.user.id, { id: await outletId("MyJoyOnline"), originGroup: null });
    expect((await touching("Africanews")).filter((l) => between(l, "Africanews", "MyJoyOnline")).every((l) => l.independent)).toBe(true);
  });
});

describe("an article's wire credit", () => {
  it("refuses strangers and reviewers, and a credit shared with another article makes their links dependent", async () => {
    const tech = await claimRow("Tech Times", "At the initiative of the Malian side");
    const joy = await claimRow("MyJoyOnline", "At the initiative of the Malian side");
    await linkClaim(db, reviewer.user.id, tech.id, {
      claimId: joy.id,
      relation: "supports",
      version: (await db.claim.findUniqueOrThrow({ where: { id: tech.id } })).version,
    });
    await saveVerdict(db, reviewer.user.id, tech.id, {
      verdict: "corroborated",
      version: (await db.claim.findUniqueOrThrow({ where: { id: tech.id } })).version,
    });
    const pair = () =>
      db.claimLink.findMany({
        where: {
          OR: [
            { fromClaimId: tech.id, toClaimId: joy.id },
            { fromClaimId: joy.id, toClaimId: tech.id },
          ],
        },
      });
    expect((await pair()).every((l) => l.independent)).toBe(true);

    expect((await patch(tech.articleId, undefined, "Reuters")).status).toBe(401);
    expect((await patch(tech.articleId, reviewer.token, "Reuters")).status).toBe(403);
    expect(await runAs(null, () => setWireCreditAction(null, { id: tech.articleId, wireCredit: "Reuters" }))).toMatchObject({
      ok: false,
      error: "unauthorized",
    });
    expect(await runAs(reviewer.actor, () => setWireCreditAction(null, { id: tech.articleId, wireCredit: "Reuters" }))).toMatchObject({
      ok: false,
      error: "forbidden",
    });
    expect((await db.article.findUniqueOrThrow({ where: { id: tech.articleId } })).wireCredit).toBeNull();

    // The admin's form on the article page and the API do the same.
    expect(await runAs(admin.actor, () => setWireCreditAction(null, { id: tech.articleId, wireCredit: "Reuters" }))).toMatchObject({
      ok: true,
      data: { changed: true, independence: { changed: 0, flagged: 0 } },
    });
    const second = await (await patch(joy.articleId, admin.token, "  reuters ")).json();
    expect(second).toMatchObject({ changed: ["wireCredit"], independence: { flagged: 1 } });
    expect((await pair()).every((l) => !l.independent)).toBe(true);
    expect(await db.claim.findUniqueOrThrow({ where: { id: tech.id } })).toMatchObject({
      needsReview: true,
      needsReviewReason: expect.stringMatching(/wire credit/),
    });
    expect(await db.auditLog.count({ where: { action: "article.wire_credit" } })).toBe(2);

    // Cleared again: independent again, and saving the same credit twice records nothing.
    expect(await (await patch(joy.articleId, admin.token, "")).json()).toMatchObject({ changed: ["wireCredit"], article: { wireCredit: null } });
    expect((await pair()).every((l) => l.independent)).toBe(true);
    expect(await (await patch(joy.articleId, admin.token, null)).json()).toMatchObject({ changed: [] });
    expect(await db.auditLog.count({ where: { action: "article.wire_credit" } })).toBe(3);
  });
});
