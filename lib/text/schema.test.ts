import { describe, it, expect } from "vitest";
import type { z } from "zod";
import { importArticleSchema } from "../articles/schema";
import { createOutletSchema, outletChangeSchema } from "../outlets/schema";
import { saveVerdictSchema } from "../verdicts/schema";
import { createUserSchema } from "../users/schema";
import { createTokenSchema } from "../tokens/schema";
import { listClaimsQuery } from "../claims/schema";
import { queueFiltersSchema } from "../queue/schema";
import { searchPassagesSchema } from "../links/schema";
import { nameStorySchema } from "../stories/schema";
import { settingsSchema } from "../settings/schema";
import { CONTROL_MESSAGE } from "./schema";

const UUID = "00000000-0000-4000-8000-000000000000";

// Each boundary with a valid input and the field the attack run poisoned with a NUL (Postgres
// 22021: the desk answered 500 and, for imports, left a partial write).
const boundaries: Array<[string, z.ZodType, Record<string, unknown>, string]> = [
  ["article title", importArticleSchema, { outlet: "Reuters", title: "A title", text: "Some text." }, "title"],
  ["article outlet", importArticleSchema, { outlet: "Reuters", text: "Some text." }, "outlet"],
  ["article text", importArticleSchema, { outlet: "Reuters", text: "Some text." }, "text"],
  ["outlet name", createOutletSchema, { name: "Reuters" }, "name"],
  ["outlet notes", createOutletSchema, { name: "Reuters", notes: "Wire." }, "notes"],
  ["outlet rename", outletChangeSchema, { name: "Reuters" }, "name"],
  ["rationale", saveVerdictSchema, { verdict: "corroborated", rationale: "Seen.", version: 1 }, "rationale"],
  ["user name", createUserSchema, { email: "a@b.test", name: "Ann", role: "reviewer" }, "name"],
  ["token name", createTokenSchema, { name: "CMS" }, "name"],
  ["claim search", listClaimsQuery, { q: "Bamako" }, "q"],
  ["queue search", queueFiltersSchema, { q: "Bamako" }, "q"],
  ["passage search", searchPassagesSchema, { claimId: UUID, q: "Bamako" }, "q"],
  ["story name", nameStorySchema, { key: UUID, name: "Coup" }, "name"],
  [
    "organisation name",
    settingsSchema,
    { organisationName: "Desk", organisationUrl: "", checkworthinessThreshold: 0.5, publicPages: "on" },
    "organisationName",
  ],
];

describe("the shared text schema at every boundary", () => {
  it.each(boundaries)("%s: accepts the valid input", (_, schema, valid) => {
    expect(schema.safeParse(valid).success).toBe(true);
  });

  it.each(boundaries)("%s: refuses NUL and other control characters with a clear message", (_, schema, valid, field) => {
    for (const bad of ["\u0000", "\u0007", "\u001b[31m", "\u0085", "\u007f"]) {
      const r = schema.safeParse({ ...valid, [field]: `A${bad}B` });
      expect(r.success).toBe(false);
      expect(r.error?.issues.map((i) => i.message)).toContain(CONTROL_MESSAGE);
    }
  });

  it("lets prose keep tabs and line breaks, but not names", () => {
    expect(importArticleSchema.safeParse({ outlet: "Reuters", text: "One.\r\n\tTwo.\n" }).success).toBe(true);
    expect(saveVerdictSchema.safeParse({ verdict: "corroborated", rationale: "One.\nTwo.", version: 1 }).success).toBe(true);
    expect(createTokenSchema.safeParse({ name: "C\u0000MS" }).success).toBe(false);
  });

  it("normalises names: bidi and zero-width controls go, NFKC applies", () => {
    expect(createOutletSchema.parse({ name: "Good News \u202e" }).name).toBe("Good News");
    expect(createOutletSchema.parse({ name: "Africanews\u200b" }).name).toBe("Africanews");
    expect(createUserSchema.parse({ email: "a@b.test", name: "\u202eAnn", role: "reviewer" }).name).toBe("Ann");
    expect(createTokenSchema.parse({ name: "ＣＭＳ\u2066" }).name).toBe("CMS");
    expect(createOutletSchema.safeParse({ name: "\u200b\u202e" }).success).toBe(false);
  });
});
