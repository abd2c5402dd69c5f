// The built app for `npm run bench:api`: reuse .next when it is newer than every source file that
// goes into it, else build; start `next start` alone (no matching worker beside it) and watch its
// memory.
import fs from "node:fs";
import path from "node:path";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { parseEnv } from "../../lib/env";
import { nextServerArgs } from "../../lib/cli/next-server";

const SOURCES = ["app", "lib", "proxy.ts", "next.config.js", "package.json", "postcss.config.mjs"];
// Not part of the build: the CLI, test scaffolding, tests.
const SKIP = new Set(["node_modules", "generated", ".next", "cli", "test"]);

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const e of fs.readdirSync(p)) if (!SKIP.has(e) && !/\.test\.tsx?$/.test(e)) newest = Math.max(newest, newestMtime(path.join(p, e)));
  return newest;
}

export function ensureBuild(env: NodeJS.ProcessEnv, log: (m: string) => void) {
  const id = ".next/BUILD_ID";
  const built = fs.existsSync(id) ? fs.statSync(id).mtimeMs : 0;
  const changed = Math.max(...SOURCES.map(newestMtime));
  if (built && built > changed) return log("Reusing the current build in .next");
  log(built ? "Sources changed since the last build: building" : "No build: building");
  const r = spawnSync(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "build"], { stdio: "inherit", env });
  if (r.status !== 0) throw new Error("next build failed");
}

// profileDir: write a V8 CPU profile of the server there when it exits (--profile).
export function startServer(port: number, env: NodeJS.ProcessEnv, profileDir?: string): ChildProcess {
  const prof = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
  const child = spawn(process.execPath, [...prof, ...nextServerArgs("start", port, parseEnv(env))], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...env, NODE_ENV: "production", PORT: String(port) },
  });
  process.on("exit", () => child.kill("SIGTERM"));
  return child;
}

export async function waitReady(base: string, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error("The server did not become ready");
}

// The server's resident memory: the process and every descendant (next start may fork its server).
export function treeRssMb(pid: number): number {
  const children = new Map<number, number[]>();
  for (const d of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const ppid = Number(fs.readFileSync(`/proc/${d}/stat`, "utf8").split(") ")[1].split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(d)]);
    } catch {
      // gone meanwhile
    }
  }
  let kb = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    try {
      kb += Number(fs.readFileSync(`/proc/${p}/status`, "utf8").match(/VmRSS:\s+(\d+)/)?.[1] ?? 0);
    } catch {
      // gone meanwhile
    }
    stack.push(...(children.get(p) ?? []));
  }
  return kb / 1024;
}

// Samples the tree's RSS every 250 ms until stopped; returns the peak. The timer does not run while
// wrk runs (spawnSync blocks this process), so callers also sample after each load run.
export function rssSampler(pid: number) {
  let peak = treeRssMb(pid);
  const sample = () => (peak = Math.max(peak, treeRssMb(pid)));
  const timer = setInterval(sample, 250);
  return { peak: () => peak, sample, reset: () => (peak = treeRssMb(pid)), stop: () => clearInterval(timer) };
}
