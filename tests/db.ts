import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { inject, afterAll } from "vitest";
import pg from "pg";
import { ensureDatabase } from "../lib/db/embedded";
import { createPrisma, useDatabaseUrl, type Db } from "../lib/db/client";
import { migrate } from "../lib/db/migrate";
import { closeSqlPools } from "../lib/db/sql";

const TEMPLATE_DB = "triangulate_template";

function urlFor(database: string) {
  const u = new URL(inject("pgAdminUrl"));
  u.pathname = `/${database}`;
  return u.toString();
}

// A fresh, migrated database for one test file, dropped when the file ends.
export async function freshDatabase(): Promise<{ db: Db; url: string; name: string }> {
  const name = `t_${crypto.randomBytes(6).toString("hex")}`;
  await ensureDatabase(inject("pgAdminUrl"), name, TEMPLATE_DB);
  const url = urlFor(name);
  const db = createPrisma(url);
  // Child processes a test starts read the variable; this process's code reads useDatabaseUrl's.
  process.env.DATABASE_URL = url;
  useDatabaseUrl(url);
  (globalThis as unknown as { prisma?: Db }).prisma = db;
  afterAll(async () => {
    await Promise.all([db.$disconnect(), closeSqlPools()]);
    await dropDatabase(name);
  });
  return { db, url, name };
}

export async function emptyDatabase(): Promise<{ url: string; name: string }> {
  const name = `e_${crypto.randomBytes(6).toString("hex")}`;
  await ensureDatabase(inject("pgAdminUrl"), name);
  afterAll(() => dropDatabase(name));
  return { url: urlFor(name), name };
}

async function dropDatabase(name: string) {
  const client = new pg.Client({ connectionString: inject("pgAdminUrl") });
  await client.connect();
  await client.query(`drop database if exists "${name}" with (force)`);
  await client.end();
}

/** An empty database migrated up to, not including, `migration`, and a client on it: for testing a migration on existing rows. */
export async function databaseBefore(migration: string): Promise<{ url: string; client: pg.Client }> {
  const { url } = await emptyDatabase();
  const before = fs.mkdtempSync(path.join(os.tmpdir(), "mig-"));
  for (const d of fs.readdirSync("prisma/migrations").filter((d) => d < migration))
    fs.cpSync(path.join("prisma/migrations", d), path.join(before, d), { recursive: true });
  await migrate(url, { dir: before });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return { url, client };
}
