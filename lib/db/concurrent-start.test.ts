import crypto from "node:crypto";
import { it, expect, inject } from "vitest";
import pg from "pg";
import { ensureDatabase } from "./embedded";

it("ensureDatabase can run in many processes at once: web nodes and workers start together", async () => {
  const name = `tri_race_${crypto.randomBytes(4).toString("hex")}`;
  const results = await Promise.allSettled(Array.from({ length: 8 }, () => ensureDatabase(inject("pgAdminUrl"), name)));
  expect(results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
  const c = new pg.Client({ connectionString: inject("pgAdminUrl") });
  await c.connect();
  await c.query(`drop database "${name}"`);
  await c.end();
});
