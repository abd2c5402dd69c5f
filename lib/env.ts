import { z } from "zod";

// Every environment variable the app and its CLI read, parsed once (docs/decisions/027). Nothing
// else reads process.env; a bad value stops the process at start-up with a message naming it.
// Empty strings count as unset, as a shell's `VAR=` means.

const blank = (v: unknown) => (v === "" ? undefined : v);
const optional = <T extends z.ZodType>(s: T) => z.preprocess(blank, s.optional());
const withDefault = <T extends z.ZodType>(s: T, d: z.input<T>) => z.preprocess(blank, s.default(d as never));
const port = z.coerce.number().int().min(1).max(65535);
const postgresUrl = z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL");
const flag = z.enum(["0", "1"], "must be 0 or 1");

export const envSchema = z.object({
  NODE_ENV: withDefault(z.enum(["development", "production", "test"]), "production"),
  PORT: withDefault(port, 3000),
  DATA_DIR: withDefault(z.string(), ".data"),
  DATABASE_URL: optional(postgresUrl),
  MIGRATION_DATABASE_URL: optional(postgresUrl),
  NEXTAUTH_SECRET: optional(z.string().min(16, "must be at least 16 characters (openssl rand -base64 32)")),
  AUTH_SECRET: optional(z.string().min(16, "must be at least 16 characters (openssl rand -base64 32)")),
  NEXTAUTH_URL: optional(z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" })),
  SEED_DEMO: optional(flag),
  TRUST_PROXY: optional(z.coerce.number().int().min(0).max(20)),
  // Matching jobs `npm start` runs in its own process (0: none, leave them to `npm run worker`).
  WORKERS: withDefault(z.coerce.number().int().min(0).max(64), 1),
  // Worker processes `npm run worker` starts (its --concurrency flag wins).
  WORKER_CONCURRENCY: optional(z.coerce.number().int().min(1).max(64)),
  // Set by `npm run worker` on the processes it forks: the worker's number.
  TRIANGULATE_WORKER_CHILD: optional(z.string()),
  // The Next server's V8 old-space limit (MB): without one, V8 sizes the heap from the machine's
  // memory and lets a busy server grow past 600 MB before it collects (docs/decisions/033).
  SERVER_HEAP_MB: withDefault(z.coerce.number().int().min(64).max(65536), 256),
  DB_POOL_SIZE: withDefault(z.coerce.number().int().min(1).max(200), 10),
  DEBUG_PG: optional(z.string()),
  // Tests only: address:port pairs the URL fetcher may reach although private (docs/decisions/022).
  FETCH_ALLOW_HOSTS: optional(z.string()),
  REFETCH_INTERVAL_HOURS: withDefault(z.coerce.number().positive(), 24),
  // Set only by `npm run bench:api`: the file the bench floor route answers.
  BENCH_FLOOR_BODY: optional(z.string()),
  // `npm run scan` and `npm test` (the CLI harness) only.
  SCAN_PORT: withDefault(port, 3190),
  SCAN_KEEP: optional(z.string()),
  E2E_PORT: withDefault(port, 3100),
  E2E_DATA_DIR: optional(z.string()),
  E2E_FIXTURE_PORT: optional(port),
});
export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {}

/** Parses `source` (process.env by default); throws an EnvError that names every bad variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const r = envSchema.safeParse(source);
  if (r.success) return r.data;
  // Secrets and database URLs (which hold a password) are named, never echoed.
  const shown = (name: string) => (/SECRET|DATABASE_URL/.test(name) ? "" : ` (got ${JSON.stringify(source[name])})`);
  const lines = r.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}${shown(String(i.path[0]))}`);
  throw new EnvError(`The environment is not valid:\n${lines.join("\n")}\nSee the Configuration section of the README.`);
}

let parsed: Env | undefined;

/** The environment, parsed on first use and kept. */
export function env(): Env {
  return (parsed ??= parseEnv());
}

/** For CLI entry points: parse now, and on a bad variable print the message (no stack) and exit. */
export function envOrExit(): Env {
  try {
    return env();
  } catch (e) {
    if (!(e instanceof EnvError)) throw e;
    console.error(e.message);
    process.exit(1);
  }
}

/**
 * The environment for a child process this one starts (the Next server, worker processes): this
 * process's own, passed through whole so the child parses it again, with `overrides` on top.
 */
export function childEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}

/** Tests that change process.env call this to read it again. */
export function reloadEnv(): Env {
  parsed = undefined;
  return env();
}
