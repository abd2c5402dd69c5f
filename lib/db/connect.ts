import { startEmbedded, type EmbeddedHandle } from "./embedded";
import { dataDir } from "./paths";
import { APP_ROLE, grantAppRole, roleOf } from "./roles";

export type Connection = {
  url: string; // what the app connects with: the least-privileged role
  ownerUrl: string; // what migrations and setup connect with: the schema's owner
  appRole: string;
  embedded: EmbeddedHandle | null;
};

// For processes outside the Next server (CLI, start script): use DATABASE_URL when set (and
// MIGRATION_DATABASE_URL, when given, for the owner), otherwise the embedded server in DATA_DIR,
// starting it only when no other process already runs it.
export async function connectDatabase(log?: (m: string) => void, opts: { supervise?: boolean } = {}): Promise<Connection> {
  if (process.env.DATABASE_URL) {
    const url = process.env.DATABASE_URL;
    return { url, ownerUrl: process.env.MIGRATION_DATABASE_URL ?? url, appRole: roleOf(url), embedded: null };
  }
  const embedded = await startEmbedded(dataDir(), { log, supervise: opts.supervise });
  const url = embedded.appUrl();
  // Grants are re-applied on each start, so tables of a newer migration are covered too.
  await grantAppRole(embedded.url(), APP_ROLE);
  process.env.DATABASE_URL = url;
  return { url, ownerUrl: embedded.url(), appRole: APP_ROLE, embedded };
}
