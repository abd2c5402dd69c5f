// `npm run worker -- [--concurrency N]`: matching workers apart from the web server, on this node or
// any other, against the same DATABASE_URL (or the embedded database in DATA_DIR, joined when
// `npm start` already runs it). N (or WORKER_CONCURRENCY; default 1) articles are matched at once,
// one per worker process: matching is CPU-bound, so processes, not promises, use more cores.
// Failed jobs retry with backoff (lib/jobs/queue.ts); admins see the error on /articles.
import { fork, type ChildProcess } from "node:child_process";
import { connectDatabase } from "../db/connect";
import { createPrisma } from "../db/client";
import { closeSqlPools } from "../db/sql";
import { startMatchWorker } from "../jobs/worker";
import { startFeedWorker } from "../jobs/feeds";
import { startRefetchWorker } from "../jobs/refetch";
import { childEnv, env, envOrExit } from "../env";
import { stopBoss } from "../jobs/queue";
import { prepareDatabase } from "./prepare";
import { cliArgs } from "./args";

const CHILD = "TRIANGULATE_WORKER_CHILD";
envOrExit();
const log = (m: string) => console.log(`[worker${env().TRIANGULATE_WORKER_CHILD ? ` ${env().TRIANGULATE_WORKER_CHILD}` : ""}] ${m}`);
process.on("unhandledRejection", (e) => console.error(`[worker] ignored after logging: ${e instanceof Error ? e.message : String(e)}`));

async function child(url: string) {
  const db = createPrisma(url);
  await startMatchWorker(db, url, log);
  // Feed polls and re-fetches too, so a desk whose web nodes run WORKERS=0 still gets them; pg-boss
  // hands each job to one worker, and a feed poll takes a lease on its feed.
  await startFeedWorker(db, url, log);
  await startRefetchWorker(db, url, log);
  log("waiting for jobs");
  const stop = async () => {
    await stopBoss().catch(() => undefined);
    await Promise.all([db.$disconnect(), closeSqlPools()]).catch(() => undefined);
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
}

async function parent() {
  const usage = "npm run worker -- [--concurrency N]";
  const { values } = cliArgs({ concurrency: { type: "string" } }, usage);
  const n = Number(values.concurrency ?? env().WORKER_CONCURRENCY ?? 1);
  if (!Number.isInteger(n) || n < 1 || n > 64) {
    console.error(`concurrency is a whole number from 1 to 64\nusage: ${usage}`);
    process.exit(2);
  }
  const conn = await connectDatabase((m) => (env().DEBUG_PG || /^Postgres (exited|restart)/.test(m)) && log(m), { supervise: true });
  // Migrations take a lock, so a worker and `npm start` starting together apply them once.
  await prepareDatabase(conn, log);
  const children = new Set<ChildProcess>();
  let stopping = false;
  const spawnWorker = (k: number) => {
    // A child process gets this environment with the database and its number.
    const c = fork(process.argv[1], [], { env: childEnv({ DATABASE_URL: conn.url, [CHILD]: String(k) }) });
    children.add(c);
    c.on("exit", (code) => {
      children.delete(c);
      // A worker that dies (out of memory, a bug) is replaced; its job is retried by pg-boss.
      if (!stopping) {
        log(`worker ${k} exited (${code}); starting another`);
        setTimeout(() => spawnWorker(k), 1000);
      }
    });
  };
  for (let k = 1; k <= n; k++) spawnWorker(k);
  log(`${n} matching worker(s) on ${conn.embedded ? "the embedded database" : "DATABASE_URL"}`);
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await Promise.all(
      [...children].map(
        (c) =>
          new Promise((r) => {
            c.once("exit", r);
            c.kill("SIGTERM");
          }),
      ),
    );
    await conn.embedded?.stop().catch(() => undefined);
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
  process.on("SIGHUP", () => void stop());
}

const { TRIANGULATE_WORKER_CHILD: childNumber, DATABASE_URL: childUrl } = env();
const main = childNumber && childUrl ? child(childUrl) : parent();
main.catch((e) => {
  console.error(`[worker] ${(e as Error).message}`);
  process.exit(1);
});
