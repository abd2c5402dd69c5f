import { describe, it, expect, beforeAll, vi } from "vitest";
import { freshDesk } from "@/tests/desk";
import { form } from "@/tests/factories";
import { runAs } from "@/lib/auth/current";

// revalidatePath needs a Next request around it; the cache is not what these tests are about.
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
const { createOutletAction, updateOutletAction } = await import("./actions");

const { db, admin, reviewer } = await freshDesk();
let wire: { id: string };

beforeAll(async () => {
  wire = await db.outlet.create({ data: { name: "Associated Press", domain: "apnews.com", originGroup: "AP wire" } });
});

describe("admin outlet actions", () => {
  const create = () => createOutletAction(null, form({ name: "Meduza", domain: "https://meduza.io/en", originGroup: "", notes: "" }));
  const edit = () => updateOutletAction(null, form({ id: wire.id, name: "Associated Press", domain: "apnews.com", originGroup: "Someone else", notes: "" }));

  it("refuse a stranger (unauthorized) and a reviewer (forbidden), changing nothing", async () => {
    for (const call of [create, edit]) {
      expect(await runAs(null, call)).toMatchObject({ ok: false, error: "unauthorized" });
      expect(await runAs(reviewer.actor, call)).toMatchObject({ ok: false, error: "forbidden" });
    }
    expect(await db.outlet.count({ where: { name: "Meduza" } })).toBe(0);
    expect((await db.outlet.findUniqueOrThrow({ where: { id: wire.id } })).originGroup).toBe("AP wire");
    expect(await db.auditLog.count({ where: { entity: "Outlet" } })).toBe(0);
  });

  it("return field errors from the shared schema", async () => {
    const res = await runAs(admin.actor, () => createOutletAction(null, form({ name: " ", domain: "not a domain", originGroup: "", notes: "" })));
    expect(res).toMatchObject({ ok: false, error: "bad_request" });
    expect(res && !res.ok && Object.keys(res.fieldErrors ?? {})).toEqual(expect.arrayContaining(["name", "domain"]));
  });

  it("refuse a duplicate name with a conflict", async () => {
    const res = await runAs(admin.actor, () => createOutletAction(null, form({ name: "associated press", domain: "", originGroup: "", notes: "" })));
    expect(res).toMatchObject({ ok: false, error: "conflict", message: expect.stringContaining("Associated Press") });
  });

  it("let an admin create and edit, clearing fields left empty", async () => {
    const created = await runAs(admin.actor, create);
    expect(created).toMatchObject({ ok: true, data: { name: "Meduza" } });
    expect(await db.outlet.findUniqueOrThrow({ where: { name: "Meduza" } })).toMatchObject({ domain: "meduza.io", originGroup: null, notes: null });
    expect(await runAs(admin.actor, edit)).toMatchObject({ ok: true, data: { id: wire.id } });
    expect(
      await runAs(admin.actor, () => updateOutletAction(null, form({ id: wire.id, name: "AP", domain: "", originGroup: "AP wire", notes: "Wire service." }))),
    ).toMatchObject({ ok: true, data: { name: "AP" } });
    expect(await db.outlet.findUniqueOrThrow({ where: { id: wire.id } })).toMatchObject({
      name: "AP",
      domain: null,
      originGroup: "AP wire",
      notes: "Wire service.",
    });
    const actions = (await db.auditLog.findMany({ where: { entity: "Outlet" }, orderBy: { id: "asc" } })).map((a) => [a.action, a.actorId]);
    expect(actions).toEqual([
      ["outlet.create", admin.user.id],
      ["outlet.update", admin.user.id],
      ["outlet.update", admin.user.id],
    ]);
  });
});
