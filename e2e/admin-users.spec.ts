import crypto from "node:crypto";
import { test, expect, signIn } from "./fixtures";

test("an admin creates a reviewer, who then signs in", async ({ asAdmin: page, browser }) => {
  const email = `new-${crypto.randomBytes(4).toString("hex")}@e2e.test`;
  await page.goto("/admin/users");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Name").fill("Nora Newcomer");
  await page.getByLabel("Role").selectOption("REVIEWER");
  await page.getByRole("button", { name: "Create user" }).click();
  const password = await page.getByLabel("One-time password").textContent();
  expect(password).toMatch(/^[a-z0-9]{5}(-[a-z0-9]{5}){3}$/);
  await expect(page.getByRole("cell", { name: email, exact: true })).toBeVisible();

  const ctx = await browser.newContext();
  const other = await ctx.newPage();
  await signIn(other, { email, password: password! });
  await expect(other.getByLabel("Signed in as")).toContainText("Nora Newcomer");
  await ctx.close();
});

test("the create form shows field errors from the shared schema", async ({ asAdmin: page }) => {
  await page.goto("/admin/users");
  await page.getByLabel("Email", { exact: true }).fill("not-an-email");
  await page.getByLabel("Name").fill("X");
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
});

test("a deactivated reviewer is signed out at once", async ({ asAdmin: page, reviewer, browser }) => {
  const ctx = await browser.newContext();
  const theirs = await ctx.newPage();
  await signIn(theirs, reviewer);
  await page.goto("/admin/users");
  await page.getByRole("button", { name: `Deactivate ${reviewer.email}` }).click();
  await expect(page.getByRole("row", { name: new RegExp(reviewer.email) })).toContainText("Deactivated");
  await theirs.goto("/queue");
  await expect(theirs).toHaveURL(/\/login/);
  await ctx.close();
});

test("a reviewer is refused at /admin with a 403 page", async ({ asReviewer: page }) => {
  const res = await page.goto("/admin/users");
  expect(res?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Create user" })).toHaveCount(0);
});
