// `--workers N`: the same articles matched through the real job path (pg-boss, `npm run worker`
// processes) by one worker, then, on the same desk cleared of these articles' suggestions, by N
// workers in one command and by N commands each in a session of its own. It prints articles/s for
// each, the CPU the workers and the database used, and whether the desks ended alike (links,
// scores, verdicts). With BENCH_WORKER_PROF=DIR set, each worker process writes a V8 CPU profile
// into DIR when it stops (--cpu-prof cannot be passed through NODE_OPTIONS).
import fs from "node:fs";
import path from "node:path";
import { spawn, type ChildProcess } from "node:child_process";
import type { Db } from "../../lib/db/client";
import { enqueueMatch, installQueue } from "../../lib/jobs/queue";

type Run = {
  workers: number;
  commands: number;
  perSec: number;
  result: string;
  cpuPerArticle: number;
  cores: number;
  dbCpuPerArticle: number;
  dbCores: number;
};

// CPU seconds used so far by a process and its descendants (Linux /proc; 0 elsewhere). On a shared
// machine the wall-clock rate says how much CPU the others left; this says what matching cost.
function cpuSeconds(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const own = (Number(f[11]) + Number(f[12])) / 100;
    const children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
    return own + children.reduce((t, c) => t + cpuSeconds(c), 0);
  } catch {
    return 0;
  }
}

// One `npm run worker -- --concurrency n` command, in a session of its own as one started on another
// node or terminal is. Linux's autogroup scheduler gives each session one share of a busy machine,
// however many processes it runs: inside the benchmark's session, workers would share its share
// with the benchmark and the database (docs/decisions/031).
// Detached workers outlive a benchmark that fails: stopped on its way out.
const live = new Set<ChildProcess>();
process.on("exit", () => {
  for (const p of live) p.kill("SIGTERM");
});

function startWorkers(url: string, n: number): Promise<ChildProcess> {
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url };
  delete env.MIGRATION_DATABASE_URL;
  const prof = process.env.BENCH_WORKER_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_WORKER_PROF}`] : [];
  const p = spawn(process.execPath, [...prof, "--conditions=react-server", "--import", "tsx", "lib/cli/worker.ts", "--concurrency", String(n)], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "inherit"],
    detached: true,
  });
  live.add(p);
  p.once("exit", () => live.delete(p));
  let ready = 0;
  return new Promise((resolve, reject) => {
    p.stdout!.on("data", (d: Buffer) => {
      ready += (d.toString().match(/waiting for jobs/g) ?? []).length;
      if (ready === n) resolve(p);
    });
    p.once("exit", (code) => reject(new Error(`worker exited with ${code}`)));
  });
}

async function stop(p: ChildProcess) {
  p.removeAllListeners("exit");
  const exited = new Promise((r) => p.once("exit", r));
  p.kill("SIGTERM");
  await exited;
}

// Everything matching decided about these articles, by claim id: their links, both directions,
// and the suggested verdicts of their claims and of every claim at the other end.
async function result(db: Db, ids: string[]): Promise<string> {
  const theirs = { OR: [{ fromClaim: { articleId: { in: ids } } }, { toClaim: { articleId: { in: ids } } }] };
  const links = await db.claimLink.findMany({
    where: theirs,
    select: { fromClaimId: true, toClaimId: true, relation: true, score: true, independent: true, version: true },
    orderBy: [{ fromClaimId: "asc" }, { toClaimId: "asc" }],
  });
  const claims = [...new Set(links.flatMap((l) => [l.fromClaimId, l.toClaimId]))];
  const verdicts = await db.claim.findMany({
    where: { OR: [{ id: { in: claims } }, { articleId: { in: ids } }] },
    select: { id: true, suggestedVerdict: true },
    orderBy: { id: "asc" },
  });
  return JSON.stringify({ links, verdicts });
}

// The desk as it was before these articles were matched: their links gone (the background
// corpus' own links stay), the articles pending again, and no article's dates stored (decision
// 045), so each run reads the same dates of the bulk-loaded background as the first did.
async function clear(db: Db, ids: string[]) {
  await db.claimLink.deleteMany({ where: { OR: [{ fromClaim: { articleId: { in: ids } } }, { toClaim: { articleId: { in: ids } } }] } });
  await db.article.updateMany({ where: { id: { in: ids } }, data: { matching: "PENDING", matchedAt: null } });
  await db.$executeRaw`UPDATE "Article" SET "eventDates" = NULL WHERE "eventDates" IS NOT NULL`;
  // Each run rewrites the articles' rows (their state, their dates): vacuumed here, not by an
  // autovacuum that might start in the middle of one run and not another.
  await db.$executeRaw`VACUUM "Article"`;
}

/** Matches the imported articles `ids` with one worker, then `n` in one command and `n` commands in sessions of their own, the desk cleared of their links before each; postmaster: the database server's process id, to read its CPU time too. */
export async function workerRuns(db: Db, url: string, ids: string[], n: number, postmaster?: number): Promise<Run[]> {
  await installQueue(url);
  // Which lexemes count as common comes from the column statistics (docs/decisions/010): an
  // autovacuum ANALYZE between or during the runs would give them different candidates.
  await db.$executeRaw`ALTER TABLE "Claim" SET (autovacuum_enabled = off)`;
  await db.$executeRaw`ALTER TABLE "Article" SET (autovacuum_enabled = off)`;
  const runs: Run[] = [];
  // One worker; n in one command (one session); n commands, each in its own session.
  const setups = [
    { workers: 1, commands: 1 },
    ...(n > 1
      ? [
          { workers: n, commands: 1 },
          { workers: n, commands: n },
        ]
      : []),
  ];
  for (const { workers: w, commands } of setups) {
    await clear(db, ids);
    const ps = commands === 1 ? [await startWorkers(url, w)] : await Promise.all(Array.from({ length: commands }, () => startWorkers(url, 1)));
    const cpuOf = () => ps.reduce((t, p) => t + cpuSeconds(p.pid!), 0);
    const cpu0 = cpuOf();
    const dbCpu0 = postmaster ? cpuSeconds(postmaster) : 0;
    const t = performance.now();
    for (const id of ids) await enqueueMatch(id, url);
    while ((await db.article.count({ where: { id: { in: ids }, matching: { not: "DONE" } } })) > 0) {
      if ((await db.article.count({ where: { id: { in: ids }, matching: "FAILED" } })) > 0) throw new Error("a match job failed");
      await new Promise((r) => setTimeout(r, 100));
    }
    const s = (performance.now() - t) / 1000;
    const cpu = cpuOf() - cpu0;
    const dbCpu = postmaster ? cpuSeconds(postmaster) - dbCpu0 : 0;
    for (const p of ps) await stop(p);
    runs.push({
      workers: w,
      commands,
      perSec: ids.length / s,
      result: await result(db, ids),
      cpuPerArticle: cpu / ids.length,
      cores: cpu / s,
      dbCpuPerArticle: dbCpu / ids.length,
      dbCores: dbCpu / s,
    });
  }
  await db.$executeRaw`ALTER TABLE "Claim" RESET (autovacuum_enabled)`;
  await db.$executeRaw`ALTER TABLE "Article" RESET (autovacuum_enabled)`;
  return runs;
}

export function printRuns(runs: Run[], ingestPerSec: number) {
  const one = runs[0];
  for (const r of runs) {
    const both = 1 / (1 / ingestPerSec + 1 / r.perSec);
    if (r.result !== one.result) {
      const a = JSON.parse(one.result),
        b = JSON.parse(r.result);
      const key = (l: { fromClaimId: string; toClaimId: string }) => `${l.fromClaimId}>${l.toClaimId}`;
      const ka = new Map(a.links.map((l: never) => [key(l), JSON.stringify(l)])),
        kb = new Map(b.links.map((l: never) => [key(l), JSON.stringify(l)]));
      console.log(
        `links ${a.links.length} vs ${b.links.length}; only first: ${[...ka.keys()].filter((k) => !kb.has(k)).length}; only second: ${[...kb.keys()].filter((k) => !ka.has(k)).length}; changed: ${[
          ...ka.keys(),
        ]
          .filter((k) => kb.has(k) && kb.get(k) !== ka.get(k))
          .slice(0, 3)
          .map((k) => `${ka.get(k)} / ${kb.get(k)}`)
          .join(" | ")}`,
      );
    }
    const how = r.workers === 1 ? "1 worker" : r.commands === 1 ? `${r.workers} workers, one command` : `${r.workers} workers, ${r.commands} sessions`;
    console.log(
      `  ${how.padEnd(24)}: match ${r.perSec.toFixed(1)} art/s (${(r.perSec / one.perSec).toFixed(2)}x one worker); ingest then match ${both.toFixed(1)} art/s; same desk as one worker: ${r.result === one.result ? "yes" : "NO"}; CPU s an article (cores busy): workers ${r.cpuPerArticle.toFixed(3)} (${r.cores.toFixed(2)}), database ${r.dbCpuPerArticle.toFixed(3)} (${r.dbCores.toFixed(2)})`,
    );
  }
}
