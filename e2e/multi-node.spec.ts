import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { spawn, type ChildProcess } from "node:child_process";
import { test, expect, request as http, type APIRequestContext } from "@playwright/test";
import { startEmbedded, type EmbeddedHandle } from "../lib/db/embedded";
import { createPrisma, type Db } from "../lib/db/client";
import { createUser } from "../lib/users/mutations";
import { createApiToken } from "../lib/auth/tokens";
import { E2E_PORT, E2E_DATA_DIR } from "../playwright.config";

// The layout of a newsroom that outgrew one machine: one Postgres, two stateless web nodes (the
// built app through `npm start` with WORKERS=0, as behind a load balancer) and one `npm run worker`.
// Nothing is shared between the nodes but the database and the secret.
const NODE_A = `http://localhost:${E2E_PORT + 1}`;
const NODE_B = `http://localhost:${E2E_PORT + 2}`;
const DIR = `${E2E_DATA_DIR}-nodes`;

let pg: EmbeddedHandle;
let db: Db;
const procs: ChildProcess[] = [];
let output = "";

function start(args: string[], env: Record<string, string>) {
  const p = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", ...args], {
    env: { ...process.env, ...env, DATABASE_URL: pg.appUrl(), MIGRATION_DATABASE_URL: pg.url(), NEXTAUTH_SECRET: SECRET, SEED_DEMO: "0", TRUST_PROXY: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  p.stdout!.on("data", (d) => (output += d));
  p.stderr!.on("data", (d) => (output += d));
  procs.push(p);
}
const SECRET = crypto.randomBytes(32).toString("hex");

async function until(what: string, fn: () => Promise<boolean>, ms: number) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await fn().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`timed out waiting for ${what}\n${output.slice(-3000)}`);
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  fs.rmSync(DIR, { recursive: true, force: true });
  fs.mkdirSync(DIR, { recursive: true });
  pg = await startEmbedded(DIR);
  for (const [url, port] of [
    [NODE_A, E2E_PORT + 1],
    [NODE_B, E2E_PORT + 2],
  ] as const) {
    start(["lib/cli/start.ts"], { PORT: String(port), NEXTAUTH_URL: url, WORKERS: "0" });
  }
  start(["lib/cli/worker.ts", "--concurrency", "1"], {});
  for (const url of [NODE_A, NODE_B]) await until(`${url} to serve`, async () => (await fetch(`${url}/api/health`)).ok, 240_000);
  db = createPrisma(pg.url());
});

test.afterAll(async () => {
  await Promise.all(procs.map((p) => new Promise((r) => (p.exitCode !== null ? r(null) : (p.once("exit", r), p.kill("SIGTERM"))))));
  await db?.$disconnect();
  await pg?.stop();
  fs.rmSync(DIR, { recursive: true, force: true });
});

async function user(role: "ADMIN" | "REVIEWER") {
  const email = `${role.toLowerCase()}-${crypto.randomBytes(4).toString("hex")}@nodes.test`;
  const password = `pw-${crypto.randomBytes(8).toString("hex")}`;
  const { user } = await createUser(db, null, { email, name: `${role} of the nodes`, role, password });
  return { id: user.id, email, password };
}

test("a session made on node A works on node B, and signing out on B ends it on A", async ({ page }) => {
  const reviewer = await user("REVIEWER");
  await page.goto(`${NODE_A}/login`);
  await page.getByLabel("Email").fill(reviewer.email);
  await page.getByLabel("Password").fill(reviewer.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByLabel("Signed in as")).toBeVisible();
  // The same browser, the other node (a load balancer may send any request anywhere).
  await page.goto(`${NODE_B}/queue`);
  await expect(page).toHaveURL(`${NODE_B}/queue`);
  await expect(page.getByLabel("Signed in as")).toBeVisible();
  const copied = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const me = (base: string) => fetch(`${base}/api/v1/me`, { headers: { cookie: copied } });
  expect((await me(NODE_A)).status).toBe(200);
  await page.getByRole("button", { name: /sign out/i }).click();
  await expect(page).toHaveURL(/\/login/);
  // A copy of the cookie dies on both nodes: the revocation is in the database, not in a node's memory.
  expect((await me(NODE_A)).status).toBe(401);
  expect((await me(NODE_B)).status).toBe(401);
});

test("the sign-in rate limit counts failures on both nodes together", async () => {
  const reviewer = await user("REVIEWER");
  const clients: APIRequestContext[] = [await http.newContext(), await http.newContext()];
  const attempt = async (k: number, password: string) => {
    const base = k % 2 ? NODE_B : NODE_A;
    const csrf = await (await clients[k % 2].get(`${base}/api/auth/csrf`)).json();
    return clients[k % 2].post(`${base}/api/auth/callback/credentials`, {
      form: { email: reviewer.email, password, csrfToken: csrf.csrfToken, json: "true" },
      maxRedirects: 0,
    });
  };
  // Five wrong passwords on each node: neither alone reaches the limit of ten.
  for (let k = 0; k < 10; k++) expect((await attempt(k, `wrong-${k}`)).status()).not.toBe(429);
  expect((await attempt(0, reviewer.password)).status()).toBe(429);
  expect((await attempt(1, reviewer.password)).status()).toBe(429);
  await Promise.all(clients.map((c) => c.dispose()));
});

test("an article imported on node A is matched by the worker and its suggestions show on node B", async () => {
  test.setTimeout(180_000);
  const admin = await user("ADMIN");
  const { token } = await createApiToken(db, admin.id, "nodes");
  const auth = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  const seed = path.resolve("prisma/seed/articles");
  const imported: string[] = [];
  for (const [file, outlet, publishedAt] of [
    ["000_d3f99b0466c277b8.txt", "Tech Times", "2023-08-16"],
    ["001_9be18b6f6a08e22b.txt", "Africanews", "2023-08-16"],
  ]) {
    const res = await fetch(`${NODE_A}/api/v1/articles`, {
      method: "POST",
      headers: auth,
      body: JSON.stringify({ outlet, publishedAt, text: fs.readFileSync(path.join(seed, file), "utf8") }),
    });
    expect(res.status).toBe(201);
    imported.push(((await res.json()) as { article: { id: string } }).article.id);
  }
  const read = async (url: string) => (await fetch(url, { headers: auth })).json();
  await until(
    "the worker to match both articles",
    async () => {
      const both = await Promise.all(imported.map((id) => read(`${NODE_B}/api/v1/articles/${id}`)));
      return both.every((a) => a.article.matching === "done");
    },
    150_000,
  );
  expect(output).toMatch(/\[worker 1\] matched article/);
  const { claims } = (await read(`${NODE_B}/api/v1/articles/${imported[1]}`)) as { claims: { id: string; text: string }[] };
  const call = claims.find((c) => c.text.includes("Tuesday, August 15"))!;
  const page = (await read(`${NODE_B}/api/v1/claims/${call.id}`)) as { suggestions: { outlet?: { name: string }; article?: { outlet: { name: string } } }[] };
  expect(JSON.stringify(page.suggestions)).toContain("Tech Times");
});
