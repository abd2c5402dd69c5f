import pg from "pg";

// Least privilege (docs/decisions/013): migrations run as the owner of the schema; the app runs as
// a role that may read and write rows and nothing more. It owns no table, so it cannot ALTER TABLE
// … DISABLE TRIGGER; it is no superuser, so it cannot SET session_replication_role = replica; and
// it has neither UPDATE, DELETE nor TRUNCATE on the append-only history.
export const APP_ROLE = "triangulate_app";
const HISTORY_TABLES = ["VerdictEvent", "ClaimEdit", "AuditLog"];

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates (or re-passwords) a login role with no special powers. Needs a role that may create roles.
 * Web nodes and workers starting together all call this: unserialised, their CREATE or ALTER ROLEs
 * collide on the same catalog row ("duplicate key", "tuple concurrently updated"), so one at a time.
 */
export async function ensureLoginRole(adminUrl: string, role: string, password: string) {
  await withClient(adminUrl, (c) =>
    serialised(c, ROLE_LOCK, async () => {
      const exists = (await c.query("select 1 from pg_roles where rolname = $1", [role])).rowCount;
      const attrs = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${c.escapeLiteral(password)}`;
      await c.query(`${exists ? "ALTER" : "CREATE"} ROLE ${ident(role)} ${attrs}`);
    }),
  );
}

/**
 * Runs fn in one transaction holding an advisory lock, so other processes wait their turn. Advisory
 * locks belong to the connected database: every caller of ensureLoginRole connects to the same
 * maintenance database (embedded: "postgres"), so they queue on one lock.
 */
async function serialised<T>(c: pg.Client, lock: number, fn: () => Promise<T>): Promise<T> {
  await c.query("BEGIN");
  try {
    await c.query("select pg_advisory_xact_lock($1)", [lock]);
    const out = await fn();
    await c.query("COMMIT");
    return out;
  } catch (e) {
    await c.query("ROLLBACK").catch(() => undefined);
    throw e;
  }
}

/**
 * Grants the app role what the app does, in the owner's current database: rows of every table,
 * the queue's schema, sequences; then takes back UPDATE, DELETE and TRUNCATE on the history and
 * everything on the migrations table. Idempotent: run after every migration.
 */
export async function grantAppRole(ownerUrl: string, role: string) {
  await withClient(ownerUrl, async (c) => {
    // Processes starting together (web nodes, workers) would GRANT on the same catalog rows at once
    // and fail with "tuple concurrently updated": one at a time, in one transaction.
    await serialised(c, GRANT_LOCK, () => grantAll(c, role));
  });
}

const GRANT_LOCK = 72707372;
const ROLE_LOCK = 72707373;

async function grantAll(c: pg.Client, role: string) {
  {
    const r = ident(role);
    const db = (await c.query<{ db: string }>("select current_database() as db")).rows[0].db;
    await c.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${ident(db)} TO ${r}`);
    await c.query(`GRANT USAGE ON SCHEMA public TO ${r}`);
    await c.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`);
    await c.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`);
    // Before the first migration these tables do not exist yet; the grants after it cover them.
    const exists = async (t: string) => (await c.query("select to_regclass($1) as t", [`public.${ident(t)}`])).rows[0].t !== null;
    if (await exists("_prisma_migrations")) await c.query(`REVOKE ALL ON "_prisma_migrations" FROM ${r}`);
    for (const t of HISTORY_TABLES) if (await exists(t)) await c.query(`REVOKE UPDATE, DELETE, TRUNCATE ON ${ident(t)} FROM ${r}`);
    // pg-boss keeps its jobs in its own schema, created by the owner at start (lib/jobs/queue).
    const boss = (await c.query("select 1 from pg_namespace where nspname = 'pgboss'")).rowCount;
    if (boss) {
      await c.query(`GRANT USAGE ON SCHEMA pgboss TO ${r}`);
      await c.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA pgboss TO ${r}`);
      await c.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA pgboss TO ${r}`);
      await c.query(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA pgboss TO ${r}`);
    }
  }
}

/** The user name a connection URL signs in as. */
export const roleOf = (url: string) => decodeURIComponent(new URL(url).username);
