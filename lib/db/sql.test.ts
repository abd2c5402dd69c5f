import { describe, it, expect, beforeAll, onTestFinished } from "vitest";
import { freshDatabase } from "../../tests/db";
import { Prisma } from "./generated/client";
import { sql, join, empty, query, queryWithin, toPrisma, fromPrisma, on, transaction, type Sql } from "./sql";
import { urlOf, type Db } from "./client";

let db: Db;
let url: string;
beforeAll(async () => {
  ({ db, url } = await freshDatabase());
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

describe("transaction", () => {
  const reviewer = (email: string) => sql`INSERT INTO "User" (email, name, role, "passwordHash") VALUES (${email}, 'T', 'REVIEWER', 'x')`;
  const count = async (email: string) => (await query<{ n: number }>(sql`SELECT count(*)::int AS n FROM "User" WHERE email = ${email}`))[0].n;

  it("commits what its statements wrote when it returns, on the database of the Prisma client", async () => {
    expect(urlOf(db)).toBe(url);
    const out = await transaction(urlOf(db), async (tx) => {
      await tx.query(reviewer("commit@x.org"));
      // Inside, the transaction sees its own row; a statement on another connection does not yet.
      expect(await tx.query(sql`SELECT 1 FROM "User" WHERE email = ${"commit@x.org"}`)).toHaveLength(1);
      expect(await count("commit@x.org")).toBe(0);
      return "done";
    });
    expect(out).toBe("done");
    expect(await count("commit@x.org")).toBe(1);
  });

  it("rolls everything back when it throws, and the connection goes back clean", async () => {
    await expect(
      transaction(url, async (tx) => {
        await tx.query(reviewer("rollback@x.org"));
        throw new Error("stop");
      }),
    ).rejects.toThrow("stop");
    expect(await count("rollback@x.org")).toBe(0);
    // A failed statement aborts the transaction; the next one on the pool starts afresh.
    await expect(transaction(url, (tx) => tx.query(sql`SELECT 1/0`))).rejects.toThrow(/division by zero/);
    expect(await transaction(url, (tx) => tx.query<{ v: number }>(sql`SELECT ${3}::int AS v`))).toEqual([{ v: 3 }]);
    expect(await on(url).query<{ v: number }>(sql`SELECT ${4}::int AS v`, { prepared: true })).toEqual([{ v: 4 }]);
  });

  it("does not report a commit when a failed statement aborted the transaction", async () => {
    await expect(
      transaction(url, async (tx) => {
        await tx.query(reviewer("aborted@x.org"));
        // Caught here, the failure still aborts the transaction: COMMIT answers ROLLBACK.
        await tx.query(sql`SELECT 1/0`).catch(() => undefined);
      }),
    ).rejects.toThrow(/rolled back/);
    expect(await count("aborted@x.org")).toBe(0);
  });

  it("ends a statement past the transaction's time limit", async () => {
    await expect(transaction(url, (tx) => tx.query(sql`SELECT pg_sleep(${2})`), { timeoutMs: 100 })).rejects.toThrow(/statement timeout/);
    expect(await transaction(url, (tx) => tx.query<{ t: string }>(sql`SELECT current_setting('statement_timeout') AS t`))).toEqual([{ t: "0" }]);
  });

  it("fails the transaction, not the process, when its connection is lost", async () => {
    // Unheard, the lost connection's "error" event would be thrown out of the socket's handler.
    const uncaught: unknown[] = [];
    const seen = (e: unknown) => uncaught.push(e);
    process.on("uncaughtException", seen);
    onTestFinished(() => void process.off("uncaughtException", seen));
    await expect(
      transaction(url, async (tx) => {
        await tx.query(reviewer("lost@x.org"));
        const [{ pid }] = await tx.query<{ pid: number }>(sql`SELECT pg_backend_pid() AS pid`);
        await query(sql`SELECT pg_terminate_backend(${pid}::int)`);
        // Give the lost connection's error event time to arrive before the next statement.
        await new Promise((r) => setTimeout(r, 200));
        await tx.query(sql`SELECT 1`);
      }),
    ).rejects.toThrow();
    expect(uncaught).toEqual([]);
    expect(await count("lost@x.org")).toBe(0);
    // The pool replaces the lost connection.
    expect(await transaction(url, (tx) => tx.query<{ v: number }>(sql`SELECT ${5}::int AS v`))).toEqual([{ v: 5 }]);
  });

  it("runs a statement built with Prisma.sql with the same parameters", async () => {
    const ids = [crypto.randomUUID(), crypto.randomUUID()];
    const q = Prisma.sql`SELECT cardinality(${ids}::uuid[]) AS n, ${"O'Brien"}::text AS name`;
    expect(await on(url).query(fromPrisma(q))).toEqual([{ n: 2, name: "O'Brien" }]);
  });

  it("is refused a client that createPrisma did not make", () => {
    expect(() => urlOf({})).toThrow(/createPrisma/);
  });
});
