// `npm run db:seed`: demo accounts and seed articles on an empty desk.
import path from "node:path";
import { connectDatabase } from "../db/connect";
import { prepareDatabase } from "./prepare";
import { createPrisma } from "../db/client";
import { closeSqlPools } from "../db/sql";
import { dataDir } from "../db/paths";
import { seedDemo, formatLogins } from "./seed-demo";
import { envOrExit } from "../env";

const wasEmbedded = !envOrExit().DATABASE_URL;
const conn = await connectDatabase();
const { url, embedded } = conn;
const db = createPrisma(url);
try {
  await prepareDatabase(conn);
  const logins = await seedDemo(db, { loginsFile: wasEmbedded ? path.join(dataDir(), "demo-logins.txt") : null });
  if (logins) console.log(formatLogins(logins));
} finally {
  await Promise.all([db.$disconnect(), closeSqlPools()]);
  await embedded?.stop();
}
