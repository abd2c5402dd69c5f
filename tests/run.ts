// `npm test`: the linters (ESLint with the layer rules, and Prettier's format check, each counted
// as one check), unit and integration tests (Vitest), a production build, then e2e (Playwright),
// ending with one line that counts everything: `N passed, N failed`.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { envOrExit } from "../lib/env";

const only = process.argv[2]; // "lint", "unit" or "e2e" to run one part
fs.mkdirSync(".scratch", { recursive: true });
let passed = 0;
let failed = 0;

function run(cmd: string, args: string[], env: Record<string, string> = {}) {
  return spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } }).status ?? 1;
}

if (!only || only === "lint") {
  // A lint error fails the run like a failing test.
  const checks: [string, string[]][] = [
    ["eslint", ["eslint", "--max-warnings=0", "."]],
    ["prettier", ["prettier", "--check", "."]],
  ];
  for (const [name, args] of checks) {
    if (run("npx", args) === 0) passed += 1;
    else {
      console.error(`${name} found problems (above)`);
      failed += 1;
    }
  }
}

if (!only || only === "unit") {
  const out = ".scratch/vitest.json";
  fs.rmSync(out, { force: true });
  run("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`]);
  if (fs.existsSync(out)) {
    const r = JSON.parse(fs.readFileSync(out, "utf8"));
    passed += r.numPassedTests;
    // A file that fails to load has no tests in the count but must still fail the run.
    failed += r.numFailedTests + (r.numFailedTestSuites ?? 0);
  } else failed += 1;
}

if (!only || only === "e2e") {
  const buildStatus = run("npx", ["next", "build"]);
  if (buildStatus !== 0) {
    console.error("next build failed: e2e tests not run");
    failed += 1;
  } else {
    const out = ".scratch/playwright.json";
    fs.rmSync(out, { force: true });
    const { E2E_DATA_DIR, E2E_PORT } = envOrExit();
    fs.rmSync(E2E_DATA_DIR ?? path.join(os.tmpdir(), `triangulate-e2e-${E2E_PORT}`), { recursive: true, force: true });
    run("npx", ["playwright", "test"], { PW_REPORTER: "json", NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --conditions=react-server` });
    if (fs.existsSync(out)) {
      const s = JSON.parse(fs.readFileSync(out, "utf8")).stats;
      passed += s.expected + (s.flaky ?? 0);
      failed += s.unexpected;
      if (s.expected + s.unexpected === 0) failed += 1;
    } else failed += 1;
  }
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
