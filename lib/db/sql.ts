import crypto from "node:crypto";
import pg from "pg";
import { Prisma } from "./generated/client";
import { databaseUrl } from "./client";
import { env } from "../env";

// A thin tagged-template client over `pg` for the hot paths only: the request path's reads
// (docs/decisions/028: the token and session user lookups, the claim read, its history, the queue's
// neighbours, page and counts) and matching, reads and writes (decision 049). Each statement costs a
// round trip through Prisma's query engine several times what it costs through `pg` on this machine
// (decision 020). Other writes stay on Prisma. Like $queryRaw, it takes only tagged templates:
// every value becomes a bind parameter ($1, $2, …), never text.

type Value = unknown;
// Only this module builds statements: a caller cannot hand the constructor a string of its own.
const BUILD = Symbol("sql");

/** A parameterised statement: `text` with $n placeholders and the `values` bound to them. */
export class Sql {
  readonly strings: readonly string[];
  readonly values: readonly Value[];
  // Nested fragments are flattened, so a statement built from parts numbers its parameters once.
  constructor(key: typeof BUILD, strings: readonly string[], values: readonly Value[]) {
    if (key !== BUILD) throw new TypeError("Statements are built with sql`…`.");
    const s: string[] = [strings[0]];
    const v: Value[] = [];
    values.forEach((value, i) => {
      if (value instanceof Sql) {
        s[s.length - 1] += value.strings[0];
        value.values.forEach((inner, j) => {
          v.push(inner);
          s.push(value.strings[j + 1]);
        });
        s[s.length - 1] += strings[i + 1];
      } else {
        v.push(value);
        s.push(strings[i + 1]);
      }
    });
    this.strings = s;
    this.values = v;
  }
  get text(): string {
    return this.strings.reduce((out, part, i) => `${out}$${i}${part}`);
  }
}

// A template's strings array is frozen and carries `raw`; a plain string or array is neither, so a
// call like sql("SELECT " + input) is refused here as well as by the type checker.
function isTemplate(strings: unknown): strings is TemplateStringsArray {
  return Array.isArray(strings) && Object.isFrozen(strings) && Array.isArray((strings as unknown as { raw?: unknown }).raw);
}

export function sql(strings: TemplateStringsArray, ...values: Value[]): Sql {
  if (!isTemplate(strings)) throw new TypeError("sql takes a tagged template (sql`…`), never a string.");
  return new Sql(BUILD, strings, values);
}

export const empty = new Sql(BUILD, [""], []);

/** Fragments joined by a constant separator (" AND ", ", "); the separator is code, never input. */
export function join(parts: readonly Sql[], separator: ", " | " AND " | " OR " | " UNION ALL "): Sql {
  if (!parts.length) return empty;
  return new Sql(BUILD, ["", ...parts.slice(1).map(() => separator), ""], parts);
}

/** The same statement for Prisma's $queryRaw (EXPLAIN in the bench, reads inside a Prisma transaction). */
export const toPrisma = (q: Sql) => new Prisma.Sql(q.strings, q.values as Prisma.Sql["values"]);

/** A statement built with Prisma.sql (its parts and values already split), to run here. */
export const fromPrisma = (q: Prisma.Sql) => new Sql(BUILD, q.strings, q.values);

// Prisma stores DateTime as `timestamp` without time zone, in UTC; pg would read it as local time.
const TIMESTAMP = 1114;
const parseUtc = (s: string) => new Date(`${s.replace(" ", "T")}Z`);
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP && format !== "binary" ? parseUtc : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

const globalForSql = globalThis as unknown as { sqlPools?: Map<string, pg.Pool> };

// One pool per database URL (the app's least-privileged role, as Prisma's adapter uses), sized by
// DB_POOL_SIZE like Prisma's. Tests switch databases with useDatabaseUrl; each gets its pool.
function pool(url = databaseUrl()): pg.Pool {
  if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which starts the embedded database.");
  const pools = (globalForSql.sqlPools ??= new Map());
  let p = pools.get(url);
  if (!p) {
    p = new pg.Pool({ connectionString: url, max: env().DB_POOL_SIZE, types });
    // A connection lost while idle is dropped from the pool; unhandled, the event would end the process.
    p.on("error", (e: Error) => console.error(`[db] connection lost: ${e.message}`));
    pools.set(url, p);
  }
  return p;
}

// Prepared statements are named after their text, so each connection parses and plans them once.
const names = new Map<string, string>();
function nameOf(text: string): string {
  let n = names.get(text);
  if (!n) names.set(text, (n = `q_${crypto.createHash("sha1").update(text).digest("hex").slice(0, 16)}`));
  return n;
}

/**
 * Runs one parameterised statement on the shared pool and returns its rows. `prepared` keeps the
 * statement parsed and planned on each connection: only for statements whose plan is the same
 * whatever the values (lookups by primary or unique key), since Postgres may switch a prepared
 * statement to one generic plan after five runs.
 */
export async function query<T>(q: Sql, opts: { prepared?: boolean } = {}): Promise<T[]> {
  return run(pool(), q, opts);
}

async function run<T>(on: pg.Pool | pg.PoolClient, q: Sql, opts: { prepared?: boolean }): Promise<T[]> {
  if (!(q instanceof Sql)) throw new TypeError("query takes a statement built with sql`…`.");
  const text = q.text;
  return (await on.query({ text, values: q.values as unknown[], name: opts.prepared ? nameOf(text) : undefined })).rows as T[];
}

/** Statements on one database: each on any pooled connection, or all on one inside `transaction`. */
export type Conn = { query<T>(q: Sql, opts?: { prepared?: boolean }): Promise<T[]> };

/** The database at `url` (a Prisma client's: urlOf in ./client), one statement at a time. */
export const on = (url: string): Conn => ({ query: (q, opts = {}) => run(pool(url), q, opts) });

/**
 * Runs `fn` in one transaction (read committed) on one connection of the pool for `url`: committed
 * if it returns, rolled back if it throws, and a connection whose rollback fails is not reused.
 * The matching path's writes use it (docs/decisions/049): per statement, Prisma's engine cost the
 * worker several times what `pg` does.
 */
export const transaction = <T>(url: string, fn: (tx: Conn) => Promise<T>, opts: { timeoutMs?: number } = {}): Promise<T> =>
  inTransaction(pool(url), fn, opts.timeoutMs);

async function inTransaction<T>(p: pg.Pool, fn: (tx: Conn) => Promise<T>, timeoutMs?: number): Promise<T> {
  const client = await p.connect();
  // The pool stops listening to a connection it has lent out: a connection lost during the
  // transaction (the database restarting) would be an "error" event that ends the process.
  let lost: Error | null = null;
  const onError = (e: Error) => {
    lost = e;
    console.error(`[db] connection lost in a transaction: ${e.message}`);
  };
  client.on("error", onError);
  let ok = false;
  try {
    await client.query("BEGIN");
    // A transaction that waits or hangs past its limit ends, and its locks with it.
    if (timeoutMs) {
      const ms = String(timeoutMs);
      await run(client, sql`SELECT set_config('statement_timeout', ${ms}, true), set_config('idle_in_transaction_session_timeout', ${ms}, true)`, {});
    }
    const out = await fn({ query: (q, opts = {}) => run(client, q, opts) });
    // A transaction that a failed statement aborted answers COMMIT with ROLLBACK, not an error.
    if ((await client.query("COMMIT")).command !== "COMMIT") throw new Error("The transaction was rolled back: a statement in it failed.");
    ok = true;
    return out;
  } finally {
    // A connection whose rollback fails is broken: destroy it rather than return it to the pool.
    const broken =
      !!lost ||
      (!ok &&
        (await client.query("ROLLBACK").then(
          () => false,
          () => true,
        )));
    client.off("error", onError);
    client.release(broken);
  }
}

/**
 * One statement under a statement_timeout, in its own transaction on one connection, so the limit
 * ends with it. `ms` is bound as a parameter like any value. It runs without parallel workers: for
 * a scan bounded in time on a small machine, starting workers costs more than they save
 * (docs/decisions/029).
 */
export async function queryWithin<T>(ms: number, q: Sql): Promise<T[]> {
  if (!(q instanceof Sql)) throw new TypeError("queryWithin takes a statement built with sql`…`.");
  return inTransaction(pool(), async (tx) => {
    await tx.query(sql`SELECT set_config('statement_timeout', ${String(ms)}, true), set_config('max_parallel_workers_per_gather', '0', true)`);
    return tx.query<T>(q);
  });
}

/** Closes this process's pools (CLI commands and tests that end). */
export async function closeSqlPools() {
  const pools = globalForSql.sqlPools;
  globalForSql.sqlPools = undefined;
  await Promise.all([...(pools?.values() ?? [])].map((p) => p.end()));
}
