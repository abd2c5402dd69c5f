import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { startEmbedded, type EmbeddedHandle } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { grantAppRole, APP_ROLE } from "@/lib/db/roles";
import { createPrisma, useDatabaseUrl, type Db } from "@/lib/db/client";
import { closeSqlPools } from "@/lib/db/sql";
import { userWithToken, apiRequest, ctx } from "@/tests/factories";
import { importArticle } from "@/lib/articles/mutations";
import { POST } from "./route";

// The fault test of issue 11: kill the embedded Postgres while reviewers save verdicts. Every save
// answers 200 or 503 (never 500), saves succeed again once the supervised server is back, and every
// save that got a 200 is in the history.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tri-outage-"));
let pg: EmbeddedHandle;
let owner: Db;
let app: Db;
let token = "";
const claims: string[] = [];

beforeAll(async () => {
  pg = await startEmbedded(dir, { supervise: true });
  await migrate(pg.url());
  await grantAppRole(pg.url(), APP_ROLE);
  owner = createPrisma(pg.url());
  app = createPrisma(pg.appUrl());
  (globalThis as unknown as { prisma?: Db }).prisma = app;
  useDatabaseUrl(pg.appUrl()); // the token lookup's thin client (lib/db/sql)
  token = (await userWithToken(owner, "REVIEWER")).token;
  for (let i = 0; i < 3; i++) {
    const { articleId } = await importArticle(owner, null, {
      outlet: `Outlet ${i}`,
      text: `Officials in Bamako said on Monday that ${1000 + i} soldiers had been deployed to the northern region of Kidal, according to a statement.`,
    });
    claims.push((await owner.claim.findFirstOrThrow({ where: { articleId } })).id);
  }
}, 120_000);

afterAll(async () => {
  await app?.$disconnect();
  await closeSqlPools();
  await owner?.$disconnect();
  await pg?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("verdict saves while Postgres dies and comes back", () => {
  it("answer 200 or 503 with Retry-After, recover, and lose no acknowledged save", async () => {
    const acked: Array<{ claimId: string; rationale: string }> = [];
    const statuses = new Map<number, number>();
    let killedAt = -1;
    const deadline = Date.now() + 90_000;
    for (let i = 0; Date.now() < deadline; i++) {
      const claimId = claims[i % claims.length];
      if (acked.length === 5 && killedAt < 0) {
        killedAt = i;
        process.kill(pg.pid!()!, "SIGKILL");
      }
      const version = await app.claim.findUnique({ where: { id: claimId }, select: { version: true } }).then(
        (c) => c?.version ?? 1,
        () => 1,
      );
      const rationale = `save ${i}`;
      const res = await POST(
        apiRequest(`/api/v1/claims/${claimId}/verdict`, { token, body: { verdict: "single_sourced", rationale, version } }),
        ctx({ id: claimId }),
      );
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.status === 503) expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
      if (res.status === 200) acked.push({ claimId, rationale });
      if (killedAt >= 0 && acked.length >= 10) break;
      if (res.status === 503) await new Promise((r) => setTimeout(r, 200));
    }
    expect(killedAt).toBeGreaterThan(0);
    expect(statuses.get(503) ?? 0).toBeGreaterThan(0);
    expect([...statuses.keys()].every((s) => s === 200 || s === 503 || s === 409)).toBe(true);
    expect(acked.length).toBeGreaterThanOrEqual(10); // recovered by itself
    const events = await owner.verdictEvent.findMany({ select: { claimId: true, rationale: true } });
    for (const a of acked) expect(events).toContainEqual(a);
  }, 150_000);
});
