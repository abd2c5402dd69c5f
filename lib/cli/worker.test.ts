import path from "node:path";
import { spawn, type ChildProcess } from "node:child_process";
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { freshDatabase } from "@/tests/db";
import type { Db } from "@/lib/db/client";
import { enqueueMatch, stopBoss } from "@/lib/jobs/queue";
import { importStories, matchResult, unmatchAll } from "@/tests/match-result";
import { matchArticle } from "@/lib/match/match-article";

// `npm run worker -- --concurrency 2` as real processes on the desk's database: imports arrive while
// two worker processes match them through pg-boss, and the desk ends exactly as one serial worker leaves it.
let db: Db;
let url: string;
let worker: ChildProcess | null = null;
let output = "";

beforeAll(async () => {
  ({ db, url } = await freshDatabase());
});
afterAll(async () => {
  await stopBoss();
  if (worker && worker.exitCode === null) {
    const exited = new Promise((r) => worker!.once("exit", r));
    worker.kill("SIGTERM");
    await exited;
  }
});

async function until(what: string, fn: () => Promise<boolean>, ms = 300_000) {
  const end = Date.now() + ms;
  while (Date.now() < end && worker?.exitCode === null) {
    if (await fn()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}\n${output}`);
}

describe("npm run worker", () => {
  it("two worker processes match interleaved imports as one serial worker does", { timeout: 600_000 }, async () => {
    const root = path.resolve(__dirname, "../..");
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url };
    delete env.MIGRATION_DATABASE_URL;
    worker = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "lib/cli/worker.ts", "--concurrency", "2"], {
      cwd: root,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    worker.stdout!.on("data", (d) => (output += d));
    worker.stderr!.on("data", (d) => (output += d));
    await until("two workers to start", async () => (output.match(/waiting for jobs/g) ?? []).length === 2, 120_000);

    const ids = await importStories(db, (id) => enqueueMatch(id, url), 24);
    await until("every article to be matched", async () => (await db.article.count({ where: { matching: "DONE" } })) === ids.length);
    const byWorkers = await matchResult(db);
    expect(byWorkers.links.length).toBeGreaterThan(100);
    // Both processes took jobs.
    expect(output).toMatch(/\[worker 1\] matched article/);
    expect(output).toMatch(/\[worker 2\] matched article/);

    await unmatchAll(db);
    for (const id of ids) await matchArticle(db, id);
    expect(await matchResult(db)).toEqual(byWorkers);
  });
});
