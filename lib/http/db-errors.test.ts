import { describe, it, expect, beforeAll } from "vitest";
import { freshDatabase } from "../../tests/db";
import { userWithToken, apiRequest, ctx } from "../../tests/factories";
import { createPrisma, type Db } from "../db/client";
import { toErrorBody, RETRY_AFTER_SECONDS } from "./errors";
import { route } from "./route";

let db: Db;
beforeAll(async () => {
  db = (await freshDatabase()).db;
});

const unreachable = () => createPrisma("postgresql://nobody:x@127.0.0.1:1/none");

describe("database errors never answer 500", () => {
  it("maps a value Postgres cannot store (NUL, 22021) to 400 and writes nothing", async () => {
    const viaModel = await db.outlet.create({ data: { name: "a\u0000b" } }).catch((e: unknown) => e);
    const viaRaw = await db.$executeRaw`insert into "Outlet" (name) values (${"c\u0000d"})`.catch((e: unknown) => e);
    for (const e of [viaModel, viaRaw]) {
      const { status, body } = toErrorBody(e);
      expect(status).toBe(400);
      expect(body.error).toBe("bad_request");
      expect(JSON.stringify(body)).not.toMatch(/UTF8|0x00|invalid byte/);
    }
    expect(await db.outlet.count()).toBe(0);
  });

  it("maps an unreachable database to 503 with Retry-After, from a model query and a transaction", async () => {
    const dead = unreachable();
    const errors = [
      await dead.outlet.findMany().catch((e: unknown) => e),
      await dead.$transaction(async (tx) => tx.outlet.count()).catch((e: unknown) => e),
      await dead.$queryRaw`select 1`.catch((e: unknown) => e),
    ];
    for (const e of errors) {
      expect(toErrorBody(e)).toMatchObject({ status: 503, body: { error: "unavailable" }, headers: { "Retry-After": String(RETRY_AFTER_SECONDS) } });
    }
    await dead.$disconnect();
  });

  it("a route answers 503 with Retry-After while the database is down, and 200 once it is back", async () => {
    const { token } = await userWithToken(db, "REVIEWER");
    const GET = route({ role: "REVIEWER" }, async () => ({ outlets: await db.outlet.count() }));
    const g = globalThis as unknown as { prisma?: Db };
    const live = g.prisma;
    g.prisma = unreachable(); // the token lookup goes through getDb(), as in production
    try {
      const res = await GET(apiRequest("/api/v1/x", { token }), ctx());
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe(String(RETRY_AFTER_SECONDS));
      expect(await res.json()).toMatchObject({ error: "unavailable", message: expect.stringMatching(/database/) });
    } finally {
      await g.prisma.$disconnect();
      g.prisma = live;
    }
    expect((await GET(apiRequest("/api/v1/x", { token }), ctx())).status).toBe(200);
  });
});
