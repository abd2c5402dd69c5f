import { test, expect, e2eDb, makeUser } from "./fixtures";
import { createApiToken } from "../lib/auth/tokens";

test("health answers ok", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: "ok" });
});

test("a stranger, a bad token, a reviewer and an admin on the users API", async ({ request }) => {
  const db = await e2eDb();
  const reviewer = await makeUser("REVIEWER");
  const admin = await makeUser("ADMIN");
  const reviewerToken = (await createApiToken(db, reviewer.id)).token;
  const adminToken = (await createApiToken(db, admin.id)).token;

  const stranger = await request.get("/api/v1/users");
  expect(stranger.status()).toBe(401);
  expect((await stranger.json()).error).toBe("unauthorized");
  expect((await request.get("/api/v1/users", { headers: { authorization: "Bearer tri_not-a-real-token" } })).status()).toBe(401);
  const refused = await request.get("/api/v1/users", { headers: { authorization: `Bearer ${reviewerToken}` } });
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toMatchObject({ error: "forbidden" });
  const ok = await request.get("/api/v1/users", { headers: { authorization: `Bearer ${adminToken}` } });
  expect(ok.status()).toBe(200);
  expect((await ok.json()).items.some((u: { email: string }) => u.email === admin.email)).toBe(true);
});

test("a session cookie cannot be used cross-site to change data", async ({ page, request }) => {
  const admin = await makeUser("ADMIN");
  await page.goto("/login");
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByLabel("Signed in as")).toBeVisible();
  const body = { email: "csrf@e2e.test", name: "Csrf", role: "reviewer" };
  const foreign = await page.request.post("/api/v1/users", { data: body, headers: { origin: "https://evil.example" } });
  expect(foreign.status()).toBe(403);
  const db = await e2eDb();
  expect(await db.user.count({ where: { email: "csrf@e2e.test" } })).toBe(0);
  void request;
});
