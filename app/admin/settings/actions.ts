"use server";
import { revalidatePath } from "next/cache";
import { action } from "@/lib/http/action";
import { getDb } from "@/lib/db/client";
import { saveSettings } from "@/lib/settings/mutations";
import { settingsSchema } from "@/lib/settings/schema";

export const saveSettingsAction = action({ role: "ADMIN", schema: settingsSchema }, async (input, actor) => {
  const saved = await saveSettings(getDb(), actor.id, input);
  revalidatePath("/admin/settings");
  return saved;
});
