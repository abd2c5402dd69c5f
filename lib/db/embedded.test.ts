import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, it, expect, afterAll } from "vitest";
import { startEmbedded, type EmbeddedHandle } from "./embedded";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tri-embedded-"));
const handles: EmbeddedHandle[] = [];
afterAll(async () => {
  for (const h of handles.reverse()) await h.stop().catch(() => undefined);
  fs.rmSync(dir, { recursive: true, force: true });
});

async function query(url: string, sql: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql)).rows;
  } finally {
    await c.end();
  }
}

describe("embedded Postgres bootstrap", () => {
  it("starts on loopback, remembers its port, and a second process joins instead of starting another", async () => {
    const first = await startEmbedded(dir);
    handles.push(first);
    expect(first.owned).toBe(true);
    const cfg = JSON.parse(fs.readFileSync(path.join(dir, "postgres.json"), "utf8"));
    expect(first.url()).toContain(`127.0.0.1:${cfg.port}/triangulate`);
    expect((await query(first.url(), "show listen_addresses"))[0].listen_addresses).toBe("127.0.0.1");
    expect(fs.statSync(path.join(dir, "postgres.json")).mode & 0o777).toBe(0o600);

    const second = await startEmbedded(dir);
    expect(second.owned).toBe(false);
    expect(second.url()).toBe(first.url());
    expect((await query(second.url(), "select 1 as one"))[0].one).toBe(1);
    await first.stop();
    expect(fs.existsSync(path.join(dir, "pg", "postmaster.pid"))).toBe(false);
  });

  it("recovers a stale lock left by a killed run, on the same port", async () => {
    const port = JSON.parse(fs.readFileSync(path.join(dir, "postgres.json"), "utf8")).port;
    // A pid that cannot be alive: what a server killed with SIGKILL leaves behind.
    fs.writeFileSync(path.join(dir, "pg", "postmaster.pid"), `999999\n${path.join(dir, "pg")}\n0\n${port}\n`);
    const again = await startEmbedded(dir);
    handles.push(again);
    expect(again.owned).toBe(true);
    expect(again.url()).toContain(`:${port}/`);
    expect((await query(again.url(), "select 2 as two"))[0].two).toBe(2);
  });
});
