import fs from "node:fs"; import os from "node:os"; import path from "node:path";
import { startEmbedded } from "../lib/db/embedded";
import { migrate } from "../lib/db/migrate";
import { createPrisma, useDatabaseUrl } from "../lib/db/client";
import { query, sql } from "../lib/db/sql";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qb-"));
const pg = await startEmbedded(dir);
await migrate(pg.url());
useDatabaseUrl(pg.url());
const db = createPrisma(pg.url());
const ids = Array.from({length: 20}, () => crypto.randomUUID());
async function run(name: string, f: () => Promise<unknown>) {
  for (let i = 0; i < 200; i++) await f();
  const c0 = process.cpuUsage(); const t0 = performance.now();
  for (let i = 0; i < 2000; i++) await f();
  const c = process.cpuUsage(c0);
  console.log(name, ((c.user + c.system) / 2000).toFixed(0), "µs CPU/query", ((performance.now() - t0) / 2000 * 1000).toFixed(0), "µs wall");
}
for (let k = 0; k < 2; k++) {
await run("prisma $queryRaw", () => db.$queryRaw`SELECT id, text FROM "Claim" WHERE id = ANY(${ids}::uuid[])`);
await run("pg thin query   ", () => query(sql`SELECT id, text FROM "Claim" WHERE id = ANY(${ids}::uuid[])`));
await run("prisma count    ", () => db.claim.count({ where: { articleId: ids[0] } }));
await run("prisma $tx 3 raw", () => db.$transaction(async (tx) => { await tx.$queryRaw`SELECT 1`; await tx.$queryRaw`SELECT 2`; await tx.$queryRaw`SELECT 3`; }));
}
await db.$disconnect(); process.exit(0);
