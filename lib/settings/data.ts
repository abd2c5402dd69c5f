import "server-only";
import type { Db } from "../db/client";
import { DEFAULT_THRESHOLD } from "../extract/extract";
import { SETTING_KEYS } from "./schema";
import { env } from "../env";

export type Settings = {
  organisationName: string;
  organisationUrl: string | null;
  siteUrl: string | null;
  checkworthinessThreshold: number;
  publicPages: boolean;
};

export const DEFAULT_SETTINGS: Settings = {
  organisationName: "Triangulate",
  organisationUrl: null,
  siteUrl: null,
  checkworthinessThreshold: DEFAULT_THRESHOLD,
  // Public claim pages are on until an admin turns them off.
  publicPages: true,
};

const str = (v: unknown) => (typeof v === "string" && v ? v : null);

// Every setting in one read; a missing or malformed row falls back to its default.
export async function getSettings(db: Pick<Db, "setting">): Promise<Settings> {
  const rows = await db.setting.findMany({ where: { key: { in: Object.values(SETTING_KEYS) } } });
  const v = Object.fromEntries(rows.map((r) => [r.key, r.value])) as Record<string, unknown>;
  return {
    organisationName: str(v[SETTING_KEYS.organisationName]) ?? DEFAULT_SETTINGS.organisationName,
    organisationUrl: str(v[SETTING_KEYS.organisationUrl]),
    siteUrl: str(v[SETTING_KEYS.siteUrl]),
    checkworthinessThreshold:
      typeof v[SETTING_KEYS.checkworthinessThreshold] === "number"
        ? (v[SETTING_KEYS.checkworthinessThreshold] as number)
        : DEFAULT_SETTINGS.checkworthinessThreshold,
    publicPages: typeof v[SETTING_KEYS.publicPages] === "boolean" ? (v[SETTING_KEYS.publicPages] as boolean) : DEFAULT_SETTINGS.publicPages,
  };
}

// Where public links point: the configured site address, else NEXTAUTH_URL, else this server on
// localhost. Never the request's Host or X-Forwarded-Host: anyone can send those, and the address
// ends up in published ClaimReview markup.
export function resolveSiteUrl(settings: Pick<Settings, "siteUrl">): string {
  const base = settings.siteUrl ?? env().NEXTAUTH_URL ?? `http://localhost:${env().PORT}`;
  return base.replace(/\/+$/, "");
}
