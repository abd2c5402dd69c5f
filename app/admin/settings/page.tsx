import type { Metadata } from "next";
import { getDb } from "@/lib/db/client";
import { getSettings } from "@/lib/settings/data";
import { requirePageActor } from "@/lib/auth/guard";
import { PageTitle } from "../../_components/ui";
import { SettingsForm } from "./settings-form";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  await requirePageActor("ADMIN");
  const settings = await getSettings(getDb());
  return (
    <section aria-labelledby="settings-title">
      <PageTitle>
        <span id="settings-title">Settings</span>
      </PageTitle>
      <SettingsForm values={settings} />
    </section>
  );
}
