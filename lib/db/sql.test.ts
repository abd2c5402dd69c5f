import { describe, it, expect, beforeAll } from "vitest";
import { freshDatabase } from "../../tests/db";
import { sql, join, empty, query, queryWithin, toPrisma, type Sql } from "./sql";
import type { Db } from "./client";

let db: Db;
beforeAll(async () => {
  ({ db } = await freshDatabase());
});

describe("sql`…`", () => {
  it("binds every value as a parameter and numbers nested fragments once", () => {
    const name = "O'Brien";
    const cond = join([sql`a = ${1}`, sql`b = ${name}`], " AND ");
    const q = sql`SELECT * FROM t WHERE ${cond} AND c = ${true} ${empty}LIMIT ${5}`;
    expect(q.text).toBe("SELECT * FROM t WHERE a = $1 AND b = $2 AND c = $3 LIMIT $4");
    expect(q.values).toEqual([1, name, true, 5]);
    expect(q.text).not.toContain("O'Brien");
  });

  it("passes an injection string as data, never as SQL", async () => {
    const evil = `x'; DROP TABLE "User"; --`;
    const rows = await query<{ v: string }>(sql`SELECT ${evil}::text AS v`);
    expect(rows).toEqual([{ v: evil }]);
    const users = await query<{ n: number }>(sql`SELECT count(*)::int AS n FROM "User" WHERE email = ${evil}`);
    expect(users).toEqual([{ n: 0 }]);
    // The table is still there.
    expect(await db.user.count()).toBe(0);
  });

  it("refuses a plain string, an array, and a statement not built by the tag", async () => {
    const input = "1; DROP TABLE x";
    // @ts-expect-error a string is not a template
    expect(() => sql(`SELECT ${input}`)).toThrow(TypeError);
    // An array is not a template either (no `raw`; the type checker would let a cast through).
    expect(() => sql([`SELECT ${input}`] as unknown as TemplateStringsArray)).toThrow(TypeError);
    await expect(query({ text: "SELECT 1", values: [] } as unknown as Sql)).rejects.toThrow(TypeError);
    const Ctor = sql`SELECT 1`.constructor as new (...a: unknown[]) => Sql;
    expect(() => new Ctor(Symbol("sql"), ["SELECT 1"], [])).toThrow(TypeError);
  });

  it("reads timestamps as UTC, as Prisma writes them", async () => {
    const u = await db.user.create({ data: { email: "t@x.org", name: "T", role: "REVIEWER", passwordHash: "x" } });
    const [row] = await query<{ createdAt: Date }>(sql`SELECT "createdAt" FROM "User" WHERE id = ${u.id}::uuid`);
    expect(row.createdAt.toISOString()).toBe(u.createdAt.toISOString());
  });

  it("gives the same statement to Prisma's $queryRaw", async () => {
    const [row] = await db.$queryRaw<{ v: number }[]>(toPrisma(sql`SELECT ${41}::int + ${1}::int AS v`));
    expect(row.v).toBe(42);
  });

  it("ends a statement that runs past its time limit, and the limit ends with it", async () => {
    await expect(queryWithin(50, sql`SELECT pg_sleep(${1})`)).rejects.toThrow(/statement timeout/);
    const rows = await query<{ t: string }>(sql`SELECT current_setting('statement_timeout') AS t`);
    expect(rows[0].t).toBe("0");
    expect(await queryWithin(5_000, sql`SELECT ${7}::int AS v`)).toEqual([{ v: 7 }]);
  });
});

describe("prepared statements", () => {
  it("give each value its own answer on every run", async () => {
    const read = (v: number) => query<{ v: number }>(sql`SELECT ${v}::int * 2 AS v`, { prepared: true });
    for (let i = 0; i < 8; i++) expect(await read(i)).toEqual([{ v: i * 2 }]);
  });
});
