// `npm start`: database (embedded unless DATABASE_URL), migrations, first-run demo seed, build if
// missing, then the Next server. This process owns the embedded Postgres and stops it on exit.
import fs from "node:fs";
import path from "node:path";
import net from "node:net";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { connectDatabase } from "../db/connect";
import { prepareDatabase } from "./prepare";
import { createPrisma } from "../db/client";
import { closeSqlPools } from "../db/sql";
import { dataDir } from "../db/paths";
import { ensureAuthSecret } from "../db/secret";
import { seedDemo, formatLogins, type DemoLogin } from "./seed-demo";
import { startMatchWorker } from "../jobs/worker";
import { startFeedWorker } from "../jobs/feeds";
import { startRefetchWorker } from "../jobs/refetch";
import { enqueueMatch, stopBoss } from "../jobs/queue";
import { childEnv, envOrExit } from "../env";
import { nextServerArgs } from "./next-server";

const dev = process.argv.includes("--dev");
const config = envOrExit();
const embedded = !config.DATABASE_URL;
const port = String(config.PORT);
const log = (m: string) => console.log(`[triangulate] ${m}`);

// The children this process started; they end with it, however it ends.
let server: ChildProcess | null = null;
process.on("exit", () => server?.kill("SIGTERM"));

// A database outage surfaces as rejected promises deep inside pg and pg-boss (pg-boss's own
// maintenance loop among them). They are logged, never allowed to end the desk: the supervised
// Postgres comes back, and the pools and the queue reconnect by themselves.
process.on("unhandledRejection", (e) => console.error(`[triangulate] ignored after logging: ${e instanceof Error ? e.message : String(e)}`));

// Another server (often a next-server left by an earlier run) already on the port: say which, plainly.
async function assertPortFree(p: number) {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (e: NodeJS.ErrnoException) =>
      reject(
        new Error(
          e.code === "EADDRINUSE"
            ? `Port ${p} is already in use, probably by a next-server from an earlier run. Stop it (\`fuser -k ${p}/tcp\`, or find it with \`ss -ltnp 'sport = :${p}'\`) or start with another PORT.`
            : `Cannot listen on port ${p}: ${e.message}`,
        ),
      ),
    );
    probe.listen(p, () => probe.close(() => resolve()));
  });
}

async function main() {
  const dir = dataDir();
  if (embedded) fs.mkdirSync(dir, { recursive: true });
  const secret = ensureAuthSecret({ embedded, dataDir: dir });
  await assertPortFree(Number(port));
  const conn = await connectDatabase((m) => (config.DEBUG_PG || /^Postgres (exited|restart)/.test(m)) && log(m), { supervise: true });
  const { url, embedded: pg } = conn;
  log(embedded ? `Embedded Postgres ready (data in ${dir})` : "Using the database at DATABASE_URL");
  const applied = await prepareDatabase(conn, log);
  if (conn.url === conn.ownerUrl)
    log("Note: the app uses the migrating role; set MIGRATION_DATABASE_URL to an owner role and DATABASE_URL to a role with row rights only (README).");
  if (!applied.length) log("Migrations: up to date");

  const db = createPrisma(url);
  let logins: DemoLogin[] | null = null;
  // Demo accounts and their printed passwords belong on a developer's desk, not in a production
  // server's logs: on an external database they are seeded only when asked for with SEED_DEMO=1.
  const seed = embedded ? config.SEED_DEMO !== "0" : config.SEED_DEMO === "1";
  if (seed) logins = await seedDemo(db, { loginsFile: embedded ? path.join(dir, "demo-logins.txt") : null, log });
  // Background work runs here, beside the web server, so a slow match never holds up a page.
  // WORKERS=0 leaves it all (matching, feed polls, re-fetches) to `npm run worker` processes.
  const workers = config.WORKERS;
  if (workers > 0) {
    await startMatchWorker(db, url, log, { concurrency: workers });
    await startFeedWorker(db, url, log);
    await startRefetchWorker(db, url, log);
  } else log("WORKERS=0: background work is left to `npm run worker`");
  const pending = await db.article.findMany({ where: { matching: "PENDING" }, select: { id: true } });
  for (const a of pending) await enqueueMatch(a.id, url);
  if (pending.length) log(`Queued ${pending.length} article(s) for matching`);

  const nextBin = path.resolve("node_modules/next/dist/bin/next");
  // next-auth falls back to http://localhost:3000 for its redirects and callback cookie when
  // NEXTAUTH_URL is unset, whatever port we serve on.
  const env = childEnv({ DATABASE_URL: url, NEXTAUTH_SECRET: secret, PORT: port, NEXTAUTH_URL: config.NEXTAUTH_URL ?? `http://localhost:${port}` });
  if (!dev && !fs.existsSync(".next/BUILD_ID")) {
    log("No build found: building the app (once, about a minute)…");
    const built = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env });
    if (built.status !== 0) throw new Error("next build failed");
  }
  const next = spawn(process.execPath, nextServerArgs(dev ? "dev" : "start", port, config), { stdio: ["ignore", "pipe", "inherit"], env });
  server = next;
  next.stdout!.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (/Ready in|started server/i.test(chunk.toString())) {
      log(`Triangulate is serving on http://localhost:${port}`);
      if (logins) console.log(formatLogins(logins));
      else if (embedded && fs.existsSync(path.join(dir, "demo-logins.txt"))) log(`Demo logins are in ${path.join(dir, "demo-logins.txt")}`);
    }
  });

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    next.kill("SIGTERM");
    await stopBoss().catch(() => undefined);
    await Promise.all([db.$disconnect(), closeSqlPools()]).catch(() => undefined);
    await pg?.stop().catch(() => undefined);
    process.exit(code);
  };
  stopAll = stop;
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  process.on("SIGHUP", () => void stop(0));
  next.on("exit", (code) => void stop(code ?? 0));
}

let stopAll: ((code: number) => Promise<void>) | null = null;

// A bug here must not leave a next-server without its worker, or Postgres without its owner.
process.on("uncaughtException", (e) => {
  console.error(`[triangulate] fatal: ${e.stack ?? e.message}`);
  if (stopAll) void stopAll(1);
  else process.exit(1);
});

main().catch((e) => {
  console.error(`[triangulate] ${(e as Error).message}`);
  process.exit(1);
});
