import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import pg from "pg";

// Applies prisma/migrations/*/migration.sql in order, recording them in Prisma's own
// _prisma_migrations table so that `prisma migrate deploy` agrees where the schema engine exists.
// docs/decisions/002 says why we cannot use Prisma Migrate here.

export const MIGRATIONS_DIR = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../../prisma/migrations");
const LOCK_ID = 72707369; // the advisory lock key Prisma Migrate uses, so the two never run at once

export class MigrationError extends Error {}

export type MigrationFile = { name: string; sql: string; checksum: string };

export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: crypto.createHash("sha256").update(sql).digest("hex") };
    });
}

const TABLE_SQL = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

type Applied = { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null };

export async function migrate(url: string, opts: { dir?: string; log?: (m: string) => void } = {}): Promise<string[]> {
  const log = opts.log ?? (() => undefined);
  const files = readMigrations(opts.dir);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query("select pg_advisory_lock($1)", [LOCK_ID]);
    await client.query(TABLE_SQL);
    const rows = (await client.query<Applied>(`select migration_name, checksum, finished_at, rolled_back_at from "_prisma_migrations"`)).rows;
    const done = new Map(rows.filter((r) => r.rolled_back_at === null).map((r) => [r.migration_name, r]));
    for (const row of done.values()) {
      if (row.finished_at === null)
        throw new MigrationError(`Migration ${row.migration_name} failed earlier and was never resolved; fix the database by hand, then mark it rolled back.`);
      const file = files.find((f) => f.name === row.migration_name);
      if (!file) throw new MigrationError(`Migration ${row.migration_name} is applied but its folder is missing from prisma/migrations.`);
      if (file.checksum !== row.checksum)
        throw new MigrationError(
          `Migration ${row.migration_name} was changed after it was applied (checksum differs). Write a new migration instead of editing an applied one.`,
        );
    }
    for (const file of files) {
      if (done.has(file.name)) continue;
      log(`Applying migration ${file.name}`);
      await client.query("BEGIN");
      try {
        await client.query(file.sql);
        await client.query(
          `insert into "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count) values ($1, $2, $3, now(), now(), 1)`,
          [crypto.randomUUID(), file.checksum, file.name],
        );
        await client.query("COMMIT");
      } catch (e) {
        await client.query("ROLLBACK");
        throw new MigrationError(`Migration ${file.name} failed and was rolled back: ${(e as Error).message}`);
      }
      applied.push(file.name);
    }
  } finally {
    await client.query("select pg_advisory_unlock($1)", [LOCK_ID]).catch(() => undefined);
    await client.end();
  }
  return applied;
}
