import { describe, it, expect, beforeAll, vi } from "vitest";
import { freshDesk } from "@/tests/desk";
import { form } from "@/tests/factories";
import { runAs } from "@/lib/auth/current";
import { listStories } from "@/lib/stories/data";

vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
const { nameStoryAction } = await import("./actions");

const { db, admin, reviewer } = await freshDesk({ seed: true });
let key: string;

beforeAll(async () => {
  key = (await listStories(db))[0].key;
});

describe("name a story", () => {
  const name =
    (n: string, k = key) =>
    () =>
      nameStoryAction(null, form({ key: k, name: n }));

  it("refuses a stranger (unauthorized) and a reviewer (forbidden), creating nothing", async () => {
    expect(await runAs(null, name("Niger talks"))).toMatchObject({ ok: false, error: "unauthorized" });
    expect(await runAs(reviewer.actor, name("Niger talks"))).toMatchObject({ ok: false, error: "forbidden" });
    expect(await db.story.count()).toBe(0);
    expect(await db.auditLog.count({ where: { entity: "Story" } })).toBe(0);
  });

  it("returns field errors for a blank name and not_found for an unknown story", async () => {
    expect(await runAs(admin.actor, name("   "))).toMatchObject({ ok: false, error: "bad_request", fieldErrors: { name: ["Enter a name."] } });
    expect(await runAs(admin.actor, name("x", "00000000-0000-4000-8000-000000000000"))).toMatchObject({ ok: false, error: "not_found" });
  });

  it("lets an admin name and then rename the story, logged as the admin", async () => {
    const first = await runAs(admin.actor, name(" Niger talks "));
    expect(first).toMatchObject({ ok: true, data: { name: "Niger talks" } });
    const id = first!.ok ? first!.data.id : "";
    expect(await runAs(admin.actor, name("Putin and Goita", id))).toMatchObject({ ok: true, data: { id, name: "Putin and Goita" } });
    expect((await listStories(db))[0]).toMatchObject({ key: id, name: "Putin and Goita", named: true });
    expect((await db.auditLog.findMany({ where: { entity: "Story" }, orderBy: { id: "asc" } })).map((l) => [l.action, l.actorId])).toEqual([
      ["story.name", admin.user.id],
      ["story.rename", admin.user.id],
    ]);
  });
});
