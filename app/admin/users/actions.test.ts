import { describe, it, expect, vi } from "vitest";
import { freshDesk } from "@/tests/desk";
import { form } from "@/tests/factories";
import { runAs } from "@/lib/auth/current";

// revalidatePath needs a Next request around it; the cache is not what these tests are about.
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
const { createUserAction, updateUserAction } = await import("./actions");

const { db, admin, reviewer } = await freshDesk();

describe("admin user actions", () => {
  const create = () => createUserAction(null, form({ email: "act@example.com", name: "Act", role: "REVIEWER" }));
  const deactivate = () => updateUserAction(null, form({ id: reviewer.user.id, action: "deactivate" }));

  it("refuse a stranger (unauthorized) and a reviewer (forbidden), changing nothing", async () => {
    for (const call of [create, deactivate]) {
      expect(await runAs(null, call)).toMatchObject({ ok: false, error: "unauthorized" });
      expect(await runAs(reviewer.actor, call)).toMatchObject({ ok: false, error: "forbidden" });
    }
    expect(await db.user.count({ where: { email: "act@example.com" } })).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: reviewer.user.id } })).active).toBe(true);
  });

  it("return field errors from the shared schema", async () => {
    const res = await runAs(admin.actor, () => createUserAction(null, form({ email: "x", name: "", role: "REVIEWER" })));
    expect(res).toMatchObject({ ok: false, error: "bad_request" });
    expect(res && !res.ok && Object.keys(res.fieldErrors ?? {})).toEqual(expect.arrayContaining(["email", "name"]));
  });

  it("let an admin create, deactivate and reactivate", async () => {
    const created = await runAs(admin.actor, create);
    expect(created).toMatchObject({ ok: true, data: { email: "act@example.com" } });
    const before = (await db.user.findUniqueOrThrow({ where: { id: reviewer.user.id } })).sessionsValidAfter;
    expect(await runAs(admin.actor, deactivate)).toMatchObject({ ok: true });
    const after = await db.user.findUniqueOrThrow({ where: { id: reviewer.user.id } });
    expect(after.active).toBe(false);
    expect(after.sessionsValidAfter.getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect(await runAs(admin.actor, () => updateUserAction(null, form({ id: reviewer.user.id, action: "reactivate" })))).toMatchObject({ ok: true });
    const actions = (await db.auditLog.findMany({ where: { entityId: reviewer.user.id }, orderBy: { at: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["user.create", "user.deactivate", "user.reactivate"]);
  });
});
