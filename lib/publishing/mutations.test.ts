import { describe, it, expect, beforeAll, vi } from "vitest";
import { freshDesk } from "../../tests/desk";
import { apiRequest, ctx } from "../../tests/factories";
import { runAs } from "../auth/current";
import { seedReviewedDesk } from "../../tests/export-desk";
import { reviewedClaim } from "../exports/data";
import { saveVerdict } from "../verdicts/mutations";
import { approveClaim, unpublishClaim } from "./mutations";
import { POST as approveApi, DELETE as unpublishApi } from "@/app/api/v1/claims/[id]/publication/route";

vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
const { approveClaimAction, unpublishClaimAction } = await import("@/app/(desk)/claims/[id]/actions");

const { db, admin, reviewer } = await freshDesk();
let desk: Awaited<ReturnType<typeof seedReviewedDesk>>;

beforeAll(async () => {
  desk = await seedReviewedDesk(db, reviewer.user.id);
});

const claim = (id: string) => db.claim.findUniqueOrThrow({ where: { id } });

describe("editor's sign-off", () => {
  it("refuses strangers (401) and reviewers (403), by API and action, changing nothing", async () => {
    const id = desk.claims.bridgeB.id;
    const before = await claim(id);
    expect((await approveApi(apiRequest(`/api/v1/claims/${id}/publication`, { body: { version: before.version } }), ctx({ id }))).status).toBe(401);
    expect(
      (await approveApi(apiRequest(`/api/v1/claims/${id}/publication`, { token: reviewer.token, body: { version: before.version } }), ctx({ id }))).status,
    ).toBe(403);
    expect(
      (
        await unpublishApi(
          apiRequest(`/api/v1/claims/${desk.claims.closed.id}/publication`, { method: "DELETE", token: reviewer.token }),
          ctx({ id: desk.claims.closed.id }),
        )
      ).status,
    ).toBe(403);
    expect(await runAs(null, () => approveClaimAction(null, { id, version: before.version }))).toMatchObject({ ok: false, error: "unauthorized" });
    expect(await runAs(reviewer.actor, () => approveClaimAction(null, { id, version: before.version }))).toMatchObject({ ok: false, error: "forbidden" });
    expect(await runAs(reviewer.actor, () => unpublishClaimAction(null, { id: desk.claims.closed.id }))).toMatchObject({ ok: false, error: "forbidden" });
    expect(await claim(id)).toEqual(before);
    expect(await reviewedClaim(db, desk.claims.closed.id)).not.toBeNull();
  });

  it("publishes nothing before approval; a new verdict awaits approval while the public page keeps the approved review", async () => {
    const id = desk.claims.bridgeB.id;
    expect(await reviewedClaim(db, id)).toBeNull();
    // Its single-sourced verdict broke a rule; a corroborated one, with a rationale, holds.
    const { claim: saved } = await saveVerdict(db, reviewer.user.id, id, {
      verdict: "corroborated",
      version: (await claim(id)).version,
      rationale: "The planet's own report.",
    });
    expect(await claim(id)).toMatchObject({ awaitingApproval: true, publishedAt: null });
    expect(await reviewedClaim(db, id)).toBeNull();

    const res = await approveApi(apiRequest(`/api/v1/claims/${id}/publication`, { token: admin.token, body: { version: saved.version } }), ctx({ id }));
    expect(res.status).toBe(200);
    expect(await claim(id)).toMatchObject({ awaitingApproval: false, publishedAt: expect.any(Date) });
    expect(await reviewedClaim(db, id)).toMatchObject({ status: "CORROBORATED", rationale: "The planet's own report." });
    expect(await db.verdictEvent.findFirst({ where: { claimId: id, kind: "APPROVAL" } })).toMatchObject({ actorId: admin.user.id });
    expect(await db.auditLog.count({ where: { action: "claim.approve", entityId: id, actorId: admin.user.id } })).toBe(1);

    // A new verdict: awaiting approval again, and the public page still shows the approved review.
    await saveVerdict(db, reviewer.user.id, id, { verdict: "corroborated", version: (await claim(id)).version, rationale: "A second look, not approved yet." });
    expect(await claim(id)).toMatchObject({ awaitingApproval: true, publishedAt: expect.any(Date) });
    expect(await reviewedClaim(db, id)).toMatchObject({ status: "CORROBORATED", rationale: "The planet's own report." });
    await approveClaim(db, admin.user.id, id, (await claim(id)).version);
    expect(await reviewedClaim(db, id)).toMatchObject({ rationale: "A second look, not approved yet." });
  });

  it("refuses to approve a stale version (409), an unreviewed claim or one that needs re-review (422)", async () => {
    const id = desk.claims.closed.id;
    const c = await claim(id);
    await expect(approveClaim(db, admin.user.id, id, c.version - 1 || 99)).rejects.toMatchObject({ kind: "stale" });
    await expect(approveClaim(db, admin.user.id, desk.claims.tricky.id, 1)).rejects.toMatchObject({ kind: "rule", message: /Only a reviewed claim/ });
    await db.claim.update({ where: { id }, data: { needsReview: true, needsReviewReason: "Evidence changed." } });
    await expect(approveClaim(db, admin.user.id, id, c.version)).rejects.toMatchObject({ kind: "rule", message: /needs re-review/ });
    await db.claim.update({ where: { id }, data: { needsReview: false, needsReviewReason: null } });
  });

  it("unpublishes: gone from the public page, back to awaiting approval, recorded", async () => {
    const id = desk.claims.closed.id;
    const res = await unpublishApi(apiRequest(`/api/v1/claims/${id}/publication`, { method: "DELETE", token: admin.token }), ctx({ id }));
    expect(await res.json()).toMatchObject({ changed: true });
    expect(await reviewedClaim(db, id)).toBeNull();
    expect(await claim(id)).toMatchObject({ publishedAt: null, published: null, awaitingApproval: true });
    expect(await db.verdictEvent.count({ where: { claimId: id, kind: "UNPUBLISH" } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "claim.unpublish", entityId: id } })).toBe(1);
    expect(await unpublishClaim(db, admin.user.id, id)).toMatchObject({ changed: false });
  });
});
