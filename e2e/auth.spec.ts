import crypto from "node:crypto";
import { test, expect, signIn } from "./fixtures";

test("a reviewer signs in and out", async ({ page, reviewer }) => {
  await signIn(page, reviewer);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Queue" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Admin" })).toHaveCount(0);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
});

test("a wrong password and an unknown email get the same message", async ({ page, reviewer }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(reviewer.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Email or password is incorrect.")).toBeVisible();
  await page.getByLabel("Email").fill("nobody@e2e.test");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Email or password is incorrect.")).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test.describe("rate limit", () => {
  // Its own client address, so the limit it trips does not block the other tests.
  test.use({ extraHTTPHeaders: { "x-forwarded-for": `10.9.${crypto.randomInt(255)}.${crypto.randomInt(255)}` } });

  test("after 10 failures the 11th try is refused, even with the right password", async ({ page, reviewer }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill(reviewer.email);
    for (let i = 0; i < 10; i++) {
      await page.getByLabel("Password").fill(`wrong-${i}`);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByText("Email or password is incorrect.")).toBeVisible();
    }
    await page.getByLabel("Password").fill(reviewer.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Too many failed attempts")).toBeVisible();
    const csrf = await (await page.request.get("/api/auth/csrf")).json();
    const res = await page.request.post("/api/auth/callback/credentials", {
      form: { email: reviewer.email, password: reviewer.password, csrfToken: csrf.csrfToken, json: "true" },
    });
    expect(res.status()).toBe(429);
    expect((await res.json()).error).toBe("rate_limited");
  });
});

test("strangers are sent to the sign-in page", async ({ page }) => {
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin%2Fusers/);
  await expect(page.getByRole("heading", { name: "Sign in to Triangulate" })).toBeVisible();
});
