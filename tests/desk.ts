import { freshDatabase } from "./db";
import { userWithToken } from "./factories";
import { importSeedArticles } from "../lib/cli/seed-articles";

export type DeskUser = Awaited<ReturnType<typeof userWithToken>>;

/**
 * What most data and route tests start from: a fresh database (dropped when the file ends) with one
 * admin and one reviewer, each signed in (`actor`) and holding an API token (`token`); with
 * `seed`, the demo articles are imported first. Call it at the top of a test file:
 * `const { db, admin, reviewer } = await freshDesk();`
 */
export async function freshDesk(opts: { seed?: boolean } = {}) {
  const { db } = await freshDatabase();
  if (opts.seed) await importSeedArticles(db, null);
  const admin = await userWithToken(db, "ADMIN");
  const reviewer = await userWithToken(db, "REVIEWER");
  return { db, admin, reviewer };
}
