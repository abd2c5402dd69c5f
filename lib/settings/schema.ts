import { z } from "zod";
import { lineText, nameText } from "../text/schema";

// Setting rows by key. "checkworthinessThreshold" is also read by the importer (lib/articles/mutations).
export const SETTING_KEYS = {
  organisationName: "organisationName",
  organisationUrl: "organisationUrl",
  siteUrl: "siteUrl",
  checkworthinessThreshold: "checkworthinessThreshold",
  publicPages: "publicPages",
} as const;

const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);
const httpUrl = z.url({ protocol: /^https?$/, message: "Use an http(s) address." }).max(500, "Use at most 500 characters.");

// A checkbox sends "on" when ticked and nothing when not; the API may send a boolean.
const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean());

// One schema for the settings form, its server action and the mutation.
export const settingsSchema = z.object({
  organisationName: nameText(
    lineText({ error: "Enter the organisation's name." }).min(1, "Enter the organisation's name.").max(200, "Use at most 200 characters."),
  ),
  organisationUrl: z.preprocess(blankToNull, httpUrl.nullable()),
  siteUrl: z.preprocess(blankToNull, httpUrl.nullable().optional()),
  checkworthinessThreshold: z.coerce
    .number({ error: "Enter a number between 0 and 1." })
    .min(0, "Enter a number between 0 and 1.")
    .max(1, "Enter a number between 0 and 1."),
  publicPages: checkbox,
});
export type SettingsInput = z.infer<typeof settingsSchema>;
