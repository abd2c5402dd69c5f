import crypto from "node:crypto";
import { describe, it, expect, beforeAll, afterAll, inject } from "vitest";
import pg from "pg";
import { freshDatabase, emptyDatabase } from "../../tests/db";
import { ensureLoginRole, grantAppRole } from "./roles";
import { createPrisma, type Db } from "./client";
import { importArticle } from "../articles/mutations";
import { getBoss, enqueueMatch, stopBoss } from "../jobs/queue";

const role = `tri_app_${crypto.randomBytes(4).toString("hex")}`;
const password = crypto.randomBytes(12).toString("hex");
let ownerUrl = "";
let appUrl = "";
let app: Db;
let client: pg.Client;

beforeAll(async () => {
  ownerUrl = (await freshDatabase()).url;
  // The queue's schema is the owner's, created before the app connects (as npm start does).
  await getBoss(ownerUrl);
  await stopBoss();
  await ensureLoginRole(inject("pgAdminUrl"), role, password);
  await grantAppRole(ownerUrl, role);
  const u = new URL(ownerUrl);
  u.username = role;
  u.password = password;
  appUrl = u.toString();
  app = createPrisma(appUrl);
  client = new pg.Client({ connectionString: appUrl });
  await client.connect();
});

afterAll(async () => {
  await client.end();
  await app.$disconnect();
  await stopBoss();
});

const refused = async (sql: string) => {
  const e = (await client.query(sql).catch((x: unknown) => x)) as { code?: string };
  return e?.code;
};

describe("ensureLoginRole", () => {
  it("can run in many processes at once: starting web nodes and workers together re-passwords the same role", async () => {
    // Unserialised, concurrent ALTER ROLEs on one catalog row fail with "tuple concurrently updated".
    const racer = `tri_race_${crypto.randomBytes(4).toString("hex")}`;
    for (let round = 0; round < 3; round++) {
      const results = await Promise.allSettled(Array.from({ length: 8 }, () => ensureLoginRole(inject("pgAdminUrl"), racer, password)));
      expect(results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    }
  });
});

describe("the app's database role", () => {
  it("does the desk's work: an import with a new outlet, claims and audit, and queueing a match", async () => {
    const res = await importArticle(
      app,
      null,
      {
        outlet: "Least Privilege Wire",
        text: "Officials in Bamako said on Monday that 1,200 soldiers had been deployed to the northern region of Kidal, according to a statement.",
      },
      { enqueue: (id) => enqueueMatch(id, appUrl) },
    );
    expect(res.duplicate).toBe(false);
    expect(await app.claim.count({ where: { articleId: res.articleId } })).toBeGreaterThan(0);
    expect(await app.auditLog.count({ where: { action: "article.import" } })).toBe(1);
  });

  it("cannot switch off or get round the history triggers", async () => {
    const history = await app.auditLog.count();
    expect(await refused(`SET session_replication_role = replica`)).toBe("42501");
    expect(await refused(`ALTER TABLE "AuditLog" DISABLE TRIGGER ALL`)).toBe("42501");
    expect(await refused(`ALTER TABLE "VerdictEvent" DISABLE TRIGGER "VerdictEvent_append_only"`)).toBe("42501");
    expect(await refused(`DROP TRIGGER "AuditLog_append_only" ON "AuditLog"`)).toBe("42501");
    expect(await refused(`TRUNCATE "AuditLog"`)).toBe("42501");
    expect(await refused(`DELETE FROM "AuditLog"`)).toBe("42501");
    expect(await refused(`UPDATE "VerdictEvent" SET rationale = 'x'`)).toBe("42501");
    expect(await refused(`CREATE TABLE sneaky (id int)`)).toBe("42501");
    expect(await refused(`DELETE FROM "_prisma_migrations"`)).toBe("42501");
    const me = (await client.query("select rolsuper, rolcreaterole, rolcreatedb from pg_roles where rolname = current_user")).rows[0];
    expect(me).toEqual({ rolsuper: false, rolcreaterole: false, rolcreatedb: false });
    expect(await app.auditLog.count()).toBe(history);
  });
});

describe("granting before the first migration", () => {
  it("works on an empty database (the history tables do not exist yet)", async () => {
    const empty = await emptyDatabase();
    await expect(grantAppRole(empty.url, role)).resolves.toBeUndefined();
  });
});
