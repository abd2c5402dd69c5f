import "server-only";
import type { Db } from "../db/client";
import { getSettings } from "./data";
import { SETTING_KEYS, settingsSchema, type SettingsInput } from "./schema";

// Saves every setting and its audit row in one transaction. A cleared optional value deletes its row,
// so the default (or NEXTAUTH_URL for the site address) applies again.
export async function saveSettings(db: Db, actorId: string | null, raw: SettingsInput) {
  const input = settingsSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const before = await getSettings(tx);
    const entries = Object.entries(SETTING_KEYS) as [keyof SettingsInput, string][];
    for (const [field, key] of entries) {
      const value = input[field];
      if (value === undefined) continue;
      if (value === null) await tx.setting.deleteMany({ where: { key } });
      else await tx.setting.upsert({ where: { key }, create: { key, value }, update: { value } });
    }
    const after = await getSettings(tx);
    const changed = Object.fromEntries(
      (Object.keys(after) as (keyof typeof after)[]).filter((k) => after[k] !== before[k]).map((k) => [k, { from: before[k], to: after[k] }]),
    );
    await tx.auditLog.create({ data: { actorId, action: "settings.update", entity: "Setting", entityId: null, data: changed } });
    return after;
  });
}
