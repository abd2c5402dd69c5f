import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { migrate, MigrationError } from "./migrate";
import { emptyDatabase } from "../../tests/db";
import { readSchema } from "../../tests/prisma-schema";
import { readDatabase, dbDefault } from "../../tests/db-introspect";

const schema = readSchema(path.resolve("prisma/schema.prisma"));
let url: string;
let client: pg.Client;

beforeAll(async () => {
  url = (await emptyDatabase()).url;
  await migrate(url);
  client = new pg.Client({ connectionString: url });
  await client.connect();
});
afterAll(() => client.end());

describe("the migrated database matches prisma/schema.prisma", async () => {
  it("has exactly the schema's tables and enums", async () => {
    const db = await readDatabase(client);
    expect(Object.keys(db.tables).sort()).toEqual(schema.tables.map((t) => t.name).sort());
    expect(db.enums).toEqual(schema.enums);
  });

  for (const table of schema.tables) {
    it(`${table.name}: columns, types, nullability and defaults`, async () => {
      const db = await readDatabase(client);
      const actual = db.tables[table.name];
      expect(actual.columns.map((c) => c.name).sort()).toEqual(table.columns.map((c) => c.name).sort());
      for (const col of table.columns) {
        const a = actual.columns.find((c) => c.name === col.name)!;
        expect({ col: col.name, udt: a.udt, nullable: a.nullable }).toEqual({ col: col.name, udt: col.udt, nullable: col.nullable });
        if (col.precision !== undefined) expect(a.precision, `${table.name}.${col.name} precision`).toBe(col.precision);
        expect(dbDefault(a.default), `${table.name}.${col.name} default`).toBe(col.default);
      }
    });
    it(`${table.name}: primary key, unique constraints, indexes and foreign keys`, async () => {
      const db = await readDatabase(client);
      expect(db.tables[table.name].indexes.sort()).toEqual([...table.indexes].sort());
      expect(db.tables[table.name].foreignKeys.sort()).toEqual([...table.foreignKeys].sort());
    });
  }
});

describe("the migration runner", () => {
  it("records each migration in Prisma's table and applies nothing twice", async () => {
    const rows = (await client.query(`select migration_name, checksum, finished_at from "_prisma_migrations"`)).rows;
    expect(rows.length).toBe(fs.readdirSync("prisma/migrations").filter((d) => !d.includes(".")).length);
    expect(rows.every((r) => r.finished_at && /^[0-9a-f]{64}$/.test(r.checksum))).toBe(true);
    expect(await migrate(url)).toEqual([]);
  });

  it("refuses to run when an applied migration's file has changed", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mig-"));
    fs.cpSync("prisma/migrations", dir, { recursive: true });
    const first = fs.readdirSync(dir).sort()[0];
    fs.appendFileSync(path.join(dir, first, "migration.sql"), "\n-- edited\n");
    await expect(migrate(url, { dir })).rejects.toThrow(MigrationError);
    await expect(migrate(url, { dir })).rejects.toThrow(/changed after it was applied/);
  });

  it("rolls back a failing migration as a whole and records nothing", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mig-"));
    fs.cpSync("prisma/migrations", dir, { recursive: true });
    fs.mkdirSync(path.join(dir, "29990101000000_broken"));
    fs.writeFileSync(path.join(dir, "29990101000000_broken", "migration.sql"), `create table "Half" (id int); select 1/0;`);
    await expect(migrate(url, { dir })).rejects.toThrow(/rolled back/);
    const half = await client.query(`select to_regclass('"Half"') as t`);
    expect(half.rows[0].t).toBeNull();
    const rec = await client.query(`select 1 from "_prisma_migrations" where migration_name = '29990101000000_broken'`);
    expect(rec.rowCount).toBe(0);
  });

  it("refuses UPDATE and DELETE on the append-only history tables", async () => {
    await client.query(`insert into "AuditLog" (action, entity) values ('test', 'none')`);
    await expect(client.query(`update "AuditLog" set action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(client.query(`delete from "AuditLog"`)).rejects.toThrow(/append-only/);
    await expect(client.query(`truncate "VerdictEvent"`)).rejects.toThrow(/append-only/);
  });
});
