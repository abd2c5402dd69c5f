// `npm run db:migrate`: applies pending migrations to DATABASE_URL or the embedded database.
import { connectDatabase } from "../db/connect";
import { migrate } from "../db/migrate";

const { url, embedded } = await connectDatabase();
try {
  const applied = await migrate(url, { log: console.log });
  console.log(applied.length ? `Applied ${applied.length} migration(s).` : "Migrations: up to date.");
} catch (e) {
  console.error((e as Error).message);
  process.exitCode = 1;
} finally {
  await embedded?.stop();
}
