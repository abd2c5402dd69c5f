import { describe, it, expect, beforeAll } from "vitest";
import { freshDatabase } from "@/tests/db";
import { apiRequest, ctx } from "@/tests/factories";
import { createPrisma, type Db } from "@/lib/db/client";
import { GET } from "./route";

describe("GET /api/health", () => {
  beforeAll(async () => {
    await freshDatabase();
  });

  it("answers 200 ok when the database answers", async () => {
    const res = await GET(apiRequest("/api/health"), ctx());
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("answers 503 when it does not", async () => {
    const g = globalThis as unknown as { prisma?: Db };
    const real = g.prisma;
    g.prisma = createPrisma("postgresql://nobody:nothing@127.0.0.1:1/none");
    try {
      const res = await GET(apiRequest("/api/health"), ctx());
      expect(res.status).toBe(503);
      expect((await res.json()).status).toBe("unavailable");
    } finally {
      g.prisma = real;
    }
  });
});
