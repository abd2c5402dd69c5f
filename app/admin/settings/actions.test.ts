import { describe, it, expect, vi } from "vitest";
import { freshDesk } from "@/tests/desk";
import { form } from "@/tests/factories";
import { runAs } from "@/lib/auth/current";
import { getSettings, DEFAULT_SETTINGS } from "@/lib/settings/data";

vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
const { saveSettingsAction } = await import("./actions");

const { db, admin, reviewer } = await freshDesk();

const valid = { organisationName: "Fact Desk", organisationUrl: "https://factdesk.example", siteUrl: "", checkworthinessThreshold: "0.6" };

describe("settings action", () => {
  it("refuses a stranger (unauthorized) and a reviewer (forbidden), changing nothing", async () => {
    const call = () => saveSettingsAction(null, form({ ...valid, publicPages: "on" }));
    expect(await runAs(null, call)).toMatchObject({ ok: false, error: "unauthorized" });
    expect(await runAs(reviewer.actor, call)).toMatchObject({ ok: false, error: "forbidden" });
    expect(await db.setting.count()).toBe(0);
    expect(await getSettings(db)).toEqual(DEFAULT_SETTINGS);
  });

  it("saves every setting with an audit row; an unticked box turns public pages off", async () => {
    const res = await runAs(admin.actor, () => saveSettingsAction(null, form(valid)));
    expect(res).toMatchObject({ ok: true });
    expect(await getSettings(db)).toEqual({
      organisationName: "Fact Desk",
      organisationUrl: "https://factdesk.example",
      siteUrl: null,
      checkworthinessThreshold: 0.6,
      publicPages: false,
    });
    // The importer reads the threshold from this row.
    expect((await db.setting.findUniqueOrThrow({ where: { key: "checkworthinessThreshold" } })).value).toBe(0.6);
    const log = await db.auditLog.findFirstOrThrow({ where: { action: "settings.update" } });
    expect(log.actorId).toBe(admin.user.id);
    expect(log.data).toMatchObject({ publicPages: { from: true, to: false }, checkworthinessThreshold: { to: 0.6 } });
    expect(await runAs(admin.actor, () => saveSettingsAction(null, form({ ...valid, publicPages: "on" })))).toMatchObject({
      ok: true,
      data: { publicPages: true },
    });
  });

  it("returns field errors for a threshold outside 0..1 and a bad URL, saving nothing", async () => {
    const before = await getSettings(db);
    const res = await runAs(admin.actor, () =>
      saveSettingsAction(null, form({ ...valid, checkworthinessThreshold: "1.5", organisationUrl: "javascript:alert(1)" })),
    );
    expect(res).toMatchObject({ ok: false, error: "bad_request" });
    expect(res && !res.ok && Object.keys(res.fieldErrors ?? {})).toEqual(expect.arrayContaining(["checkworthinessThreshold", "organisationUrl"]));
    expect(await getSettings(db)).toEqual(before);
  });
});
