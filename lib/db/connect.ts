import { startEmbedded, type EmbeddedHandle } from "./embedded";
import { dataDir } from "./paths";
import { APP_ROLE, grantAppRole, roleOf } from "./roles";
import { useDatabaseUrl } from "./client";
import { env } from "../env";

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
  const { DATABASE_URL: url, MIGRATION_DATABASE_URL } = env();
  if (url) {
    useDatabaseUrl(url);
    return { url, ownerUrl: MIGRATION_DATABASE_URL ?? url, appRole: roleOf(url), embedded: null };
  }
  const embedded = await startEmbedded(dataDir(), { log, supervise: opts.supervise });
  const appUrl = embedded.appUrl();
  // Grants are re-applied on each start, so tables of a newer migration are covered too.
  await grantAppRole(embedded.url(), APP_ROLE);
  useDatabaseUrl(appUrl);
  return { url: appUrl, ownerUrl: embedded.url(), appRole: APP_ROLE, embedded };
}
