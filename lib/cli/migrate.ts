// `npm run db:migrate`: applies pending migrations to DATABASE_URL (as MIGRATION_DATABASE_URL when
// set) or the embedded database, as the owner, then grants the app's role its rights.
import { connectDatabase } from "../db/connect";
import { prepareDatabase } from "./prepare";
import { envOrExit } from "../env";

envOrExit();

const conn = await connectDatabase();
const { embedded } = conn;
try {
  const applied = await prepareDatabase(conn, console.log);
  console.log(applied.length ? `Applied ${applied.length} migration(s).` : "Migrations: up to date.");
} catch (e) {
  console.error((e as Error).message);
  process.exitCode = 1;
} finally {
  await embedded?.stop();
}
