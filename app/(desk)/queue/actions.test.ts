import { describe, it, expect, beforeAll, vi } from "vitest";
import { freshDesk } from "@/tests/desk";
import { userWithToken, form } from "@/tests/factories";
import { runAs } from "@/lib/auth/current";

vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
const { assignClaimAction } = await import("./actions");

const { db, admin, reviewer } = await freshDesk({ seed: true });
let other: Awaited<ReturnType<typeof userWithToken>>;
let claimId: string;

beforeAll(async () => {
  other = await userWithToken(db, "REVIEWER");
  claimId = (await db.claim.findFirstOrThrow({ orderBy: { id: "asc" } })).id;
});

const assign = (assigneeId: string) => () => assignClaimAction(null, form({ claimId, assigneeId }));
const assigneeOf = async () => (await db.claim.findUniqueOrThrow({ where: { id: claimId } })).assigneeId;
const logs = () => db.auditLog.findMany({ where: { action: "claim.assign", entityId: claimId }, orderBy: { id: "asc" } });

describe("assign a claim", () => {
  it("refuses a stranger (unauthorized) and a reviewer assigning someone else or no one (forbidden)", async () => {
    expect(await runAs(null, assign("me"))).toMatchObject({ ok: false, error: "unauthorized" });
    expect(await runAs(reviewer.actor, assign(other.user.id))).toMatchObject({ ok: false, error: "forbidden" });
    expect(await runAs(reviewer.actor, assign(""))).toMatchObject({ ok: false, error: "forbidden" });
    expect(await assigneeOf()).toBeNull();
    expect(await logs()).toEqual([]);
  });

  it("lets a reviewer assign a claim to themselves, logging it", async () => {
    expect(await runAs(reviewer.actor, assign("me"))).toMatchObject({ ok: true, data: { claimId, assignee: { id: reviewer.user.id } } });
    expect(await runAs(reviewer.actor, assign(reviewer.user.id))).toMatchObject({ ok: true });
    expect(await assigneeOf()).toBe(reviewer.user.id);
    const rows = await logs();
    expect(rows).toHaveLength(1); // the repeat changed nothing, so it logged nothing
    expect(rows[0]).toMatchObject({ actorId: reviewer.user.id, entity: "Claim", data: { from: null, to: reviewer.user.id } });
  });

  it("lets an admin assign anyone and unassign", async () => {
    expect(await runAs(admin.actor, assign(other.user.id))).toMatchObject({ ok: true, data: { assignee: { id: other.user.id } } });
    expect(await assigneeOf()).toBe(other.user.id);
    expect(await runAs(admin.actor, assign(""))).toMatchObject({ ok: true, data: { assignee: null } });
    expect(await assigneeOf()).toBeNull();
    expect((await logs()).map((l) => [l.actorId, l.data])).toEqual([
      [reviewer.user.id, { from: null, to: reviewer.user.id }],
      [admin.user.id, { from: reviewer.user.id, to: other.user.id }],
      [admin.user.id, { from: other.user.id, to: null }],
    ]);
  });

  it("refuses bad input, an unknown claim and an inactive assignee", async () => {
    expect(await runAs(admin.actor, () => assignClaimAction(null, form({ claimId: "nope", assigneeId: "me" })))).toMatchObject({
      ok: false,
      error: "bad_request",
      fieldErrors: { claimId: expect.any(Array) },
    });
    expect(await runAs(admin.actor, () => assignClaimAction(null, form({ claimId: "00000000-0000-4000-8000-000000000000", assigneeId: "me" })))).toMatchObject({
      ok: false,
      error: "not_found",
    });
    const gone = await userWithToken(db, "REVIEWER");
    await db.user.update({ where: { id: gone.user.id }, data: { active: false } });
    expect(await runAs(admin.actor, assign(gone.user.id))).toMatchObject({ ok: false, error: "unprocessable" });
  });
});
