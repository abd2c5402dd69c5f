import { migrate } from "../db/migrate";
import { grantAppRole } from "../db/roles";
import { installQueue } from "../jobs/queue";
import type { Connection } from "../db/connect";

// As the owner: apply migrations, create the job queue's schema, then grant the app's role what
// it needs on both. With one URL for both (DATABASE_URL without MIGRATION_DATABASE_URL) there is
// no second role to grant to.
export async function prepareDatabase(conn: Connection, log: (m: string) => void = () => undefined): Promise<string[]> {
  const applied = await migrate(conn.ownerUrl, { log });
  await installQueue(conn.ownerUrl);
  if (conn.ownerUrl !== conn.url) await grantAppRole(conn.ownerUrl, conn.appRole);
  return applied;
}
