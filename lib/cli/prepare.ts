import pg from "pg";
import { migrate } from "../db/migrate";
import { grantAppRole } from "../db/roles";
import { installQueue } from "../jobs/queue";
import type { Connection } from "../db/connect";

// Held while the queue's schema is installed: web nodes and workers may start together
// (grantAppRole serializes itself).
const SETUP_LOCK = 72707371;

// As the owner: apply migrations, create the job queue's schema, then grant the app's role what
// it needs on both. With one URL for both (DATABASE_URL without MIGRATION_DATABASE_URL) there is
// no second role to grant to. Several processes may run it at once (docs/decisions/018).
export async function prepareDatabase(conn: Connection, log: (m: string) => void = () => undefined): Promise<string[]> {
  const applied = await migrate(conn.ownerUrl, { log });
  const client = new pg.Client({ connectionString: conn.ownerUrl });
  await client.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [SETUP_LOCK]);
    await installQueue(conn.ownerUrl);
  } finally {
    await client.query("select pg_advisory_unlock($1)", [SETUP_LOCK]).catch(() => undefined);
    await client.end();
  }
  if (conn.ownerUrl !== conn.url) await grantAppRole(conn.ownerUrl, conn.appRole);
  return applied;
}
