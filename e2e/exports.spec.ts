import crypto from "node:crypto";
import { test, expect, e2eDb, makeUser } from "./fixtures";
import { approveClaim } from "../lib/publishing/mutations";

test("an admin creates a token, sees its secret once, uses it and revokes it", async ({ asAdmin: page, request }) => {
  const name = `e2e-${crypto.randomBytes(3).toString("hex")}`;
  await page.goto("/admin/tokens");
  await page.getByLabel("Token name").fill(name);
  await page.getByRole("button", { name: "Create token" }).click();
  const secret = (await page.getByLabel("New token secret").textContent())!;
  expect(secret).toMatch(/^tri_[A-Za-z0-9_-]{43}$/);
  const prefix = secret.slice(0, 12);
  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText(prefix);
  await expect(row).toContainText("Active");

  const auth = { authorization: `Bearer ${secret}` };
  expect((await request.get("/api/v1/export/claims.csv", { headers: auth })).status()).toBe(200);

  // Shown once: a fresh load of the page lists the prefix only.
  await page.reload();
  await expect(page.getByLabel("New token secret")).toHaveCount(0);
  await expect(page.getByText(secret)).toHaveCount(0);

  await page.getByRole("button", { name: `Revoke ${prefix}` }).click();
  await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("Revoked");
  expect((await request.get("/api/v1/export/claims.csv", { headers: auth })).status()).toBe(401);
});

test("an admin saves the settings", async ({ asAdmin: page }) => {
  const org = `E2E Fact Desk ${crypto.randomBytes(2).toString("hex")}`;
  await page.goto("/admin/settings");
  await page.getByLabel("Organisation name").fill(org);
  await page.getByLabel("Organisation URL").fill("https://factdesk.example");
  await page.getByLabel("Publish public claim pages").check();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status")).toHaveText("Settings saved.");
  await page.reload();
  await expect(page.getByLabel("Organisation name")).toHaveValue(org);
  await expect(page.getByLabel("Publish public claim pages")).toBeChecked();
});

test("an approved claim has a public page with its verdict and ClaimReview JSON-LD; an unapproved or unreviewed one does not", async ({ page, reviewer }) => {
  const db = await e2eDb();
  await db.setting.upsert({ where: { key: "publicPages" }, create: { key: "publicPages", value: true }, update: { value: true } });
  const tag = crypto.randomBytes(4).toString("hex");
  const outlet = await db.outlet.create({ data: { name: `E2E Outlet ${tag}` } });
  const other = await db.outlet.create({ data: { name: `E2E Other ${tag}` } });
  const claimText = `The ferry ${tag} will carry 400 passengers a day from June, the operator said.`;
  const article = await db.article.create({
    data: {
      outletId: outlet.id,
      title: "Ferry plans",
      text: claimText,
      rawText: claimText,
      contentHash: `e2e-${tag}-a`,
      publishedAt: new Date("2026-06-01T00:00:00Z"),
    },
  });
  const otherText = `From June the ferry ${tag} carries 400 passengers daily.`;
  const otherArticle = await db.article.create({ data: { outletId: other.id, text: otherText, rawText: otherText, contentHash: `e2e-${tag}-b` } });
  const claim = await db.claim.create({ data: { articleId: article.id, text: claimText, start: 0, end: claimText.length, status: "CORROBORATED" } });
  const support = await db.claim.create({ data: { articleId: otherArticle.id, text: otherText, start: 0, end: otherText.length } });
  const unreviewed = await db.claim.create({ data: { articleId: otherArticle.id, text: "x".repeat(10), start: 0, end: 10 } });
  await db.claimLink.createMany({
    data: [
      { fromClaimId: claim.id, toClaimId: support.id, relation: "SUPPORTS", state: "CONFIRMED", origin: "REVIEWER", createdById: reviewer.id },
      { fromClaimId: support.id, toClaimId: claim.id, relation: "SUPPORTS", state: "CONFIRMED", origin: "REVIEWER", createdById: reviewer.id },
    ],
  });
  await db.verdictEvent.create({
    data: {
      claimId: claim.id,
      actorId: reviewer.id,
      verdict: "CORROBORATED",
      previous: "UNREVIEWED",
      rationale: "Two independent outlets report it.",
      linkedClaimIds: [support.id],
      kind: "VERDICT",
    },
  });

  // Reviewed but not yet approved by an admin: not public.
  expect((await page.goto(`/r/${claim.id}`))?.status()).toBe(404);
  await approveClaim(db, (await makeUser("ADMIN")).id, claim.id, claim.version);
  const res = await page.goto(`/r/${claim.id}`);
  expect(res?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(claimText);
  await expect(page.getByRole("region", { name: "Verdict" })).toContainText("Corroborated");
  await expect(page.getByText("Two independent outlets report it.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Evidence" })).toContainText(otherText);
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  expect(jsonLd).toMatchObject({ "@context": "https://schema.org", "@type": "ClaimReview", reviewRating: { alternateName: "Corroborated", ratingValue: 3 } });
  expect(jsonLd.url).toMatch(new RegExp(`/r/${claim.id}$`));

  expect((await page.goto(`/r/${unreviewed.id}`))?.status()).toBe(404);
});
