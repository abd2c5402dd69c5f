import { test, expect } from "./fixtures";

// The attack run's open-redirect variants: after sign-in the browser must stay on this site.
for (const target of ["/.//evil.example", "/..//evil.example", "/./\\evil.example", "/a/..//evil.example/path"]) {
  test(`sign-in with callbackUrl ${JSON.stringify(target)} stays on this site`, async ({ page, reviewer, baseURL }) => {
    await page.goto(`/login?callbackUrl=${encodeURIComponent(target)}`);
    await page.getByLabel("Email").fill(reviewer.email);
    await page.getByLabel("Password").fill(reviewer.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    expect(new URL(page.url()).host).toBe(new URL(baseURL!).host);
  });
}

test("pages run under a nonce CSP with no violations, and sign-out ends the copied session", async ({ page, reviewer }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  const login = await page.goto("/login");
  const csp = login!.headers()["content-security-policy"];
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  await page.getByLabel("Email").fill(reviewer.email);
  await page.getByLabel("Password").fill(reviewer.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  // Hydrated: a client component (the sign-out button) works, so Next's scripts ran.
  const captured = (await page.context().cookies()).find((c) => c.name.endsWith("next-auth.session-token"))!;
  const me = await page.request.get("/api/v1/me");
  expect(me.status()).toBe(200);
  expect(me.headers()["cache-control"]).toBe("no-store");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  // Replay the cookie captured before sign-out.
  const replay = await page.request.get("/api/v1/me", { headers: { cookie: `${captured.name}=${captured.value}` } });
  expect(replay.status()).toBe(401);
  expect(violations).toEqual([]);
});

test("the benchmark's floor route is not served by a desk started normally", async ({ request }) => {
  const res = await request.get("/api/bench-floor");
  expect(res.status()).toBe(404);
  expect((await res.json()).error).toBe("not_found");
});
