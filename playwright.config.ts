import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// The e2e server runs the real `npm start` path (embedded Postgres, migrations, seed) in its own
// DATA_DIR on its own port, so it never touches a developer's desk.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
// Under the system temp folder: the postgres user must be able to reach it, wherever the clone is.
export const E2E_DATA_DIR = process.env.E2E_DATA_DIR ?? path.join(os.tmpdir(), `triangulate-e2e-${E2E_PORT}`);
// Local HTTP servers that specs start for the desk to fetch (URL import, feeds), on 127.0.0.1 and
// ports E2E_FIXTURE_PORT to + 4, one per spec: the e2e server may reach these through the fetcher's
// allow-list (off everywhere else, docs/decisions/022).
export const E2E_FIXTURE_PORT = Number(process.env.E2E_FIXTURE_PORT ?? E2E_PORT + 1);
const FIXTURE_HOSTS = Array.from({ length: 5 }, (_, i) => `127.0.0.1:${E2E_FIXTURE_PORT + i}`).join(",");

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PW_REPORTER === "json" ? [["list"], ["json", { outputFile: ".scratch/playwright.json" }]] : "list",
  use: {
    baseURL: `http://localhost:${E2E_PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: "node --conditions=react-server --import tsx lib/cli/start.ts",
    url: `http://localhost:${E2E_PORT}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: { PORT: String(E2E_PORT), DATA_DIR: E2E_DATA_DIR, TRUST_PROXY: "1", DATABASE_URL: "", FETCH_ALLOW_HOSTS: FIXTURE_HOSTS },
  },
});
