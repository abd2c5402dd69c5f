import crypto from "node:crypto";
import { test as base, expect, type Page } from "@playwright/test";
import { startEmbedded } from "../lib/db/embedded";
import { createPrisma, type Db } from "../lib/db/client";
import { createUser } from "../lib/users/mutations";
import { E2E_DATA_DIR } from "../playwright.config";

// Tests reach the e2e server's database the way a CLI command would: through the running
// embedded Postgres in the same DATA_DIR.
let dbPromise: Promise<Db> | undefined;
export function e2eDb(): Promise<Db> {
  return (dbPromise ??= startEmbedded(E2E_DATA_DIR).then((pg) => createPrisma(pg.url())));
}

export type TestUser = { id: string; email: string; password: string; name: string };

export async function makeUser(role: "ADMIN" | "REVIEWER"): Promise<TestUser> {
  const db = await e2eDb();
  const email = `${role.toLowerCase()}-${crypto.randomBytes(4).toString("hex")}@e2e.test`;
  const password = `pw-${crypto.randomBytes(8).toString("hex")}`;
  const name = `${role === "ADMIN" ? "Admin" : "Reviewer"} ${email.slice(-12, -9)}`;
  const { user } = await createUser(db, null, { email, name, role, password });
  return { id: user.id, email, password, name };
}

export async function signIn(page: Page, user: { email: string; password: string }) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByLabel("Signed in as")).toBeVisible();
}

type Fixtures = { admin: TestUser; reviewer: TestUser; asAdmin: Page; asReviewer: Page };

export const test = base.extend<Fixtures>({
  // Playwright reads a fixture's dependencies from the destructuring pattern; these have none.
  // eslint-disable-next-line no-empty-pattern
  admin: async ({}, use) => use(await makeUser("ADMIN")),
  // eslint-disable-next-line no-empty-pattern
  reviewer: async ({}, use) => use(await makeUser("REVIEWER")),
  asAdmin: async ({ page, admin }, use) => {
    await signIn(page, admin);
    await use(page);
  },
  asReviewer: async ({ page, reviewer }, use) => {
    await signIn(page, reviewer);
    await use(page);
  },
});
export { expect };
