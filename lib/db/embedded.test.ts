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

describe("a supervised embedded Postgres", () => {
  it("is restarted after it is killed, with its data, and says so", async () => {
    const own = fs.mkdtempSync(path.join(os.tmpdir(), "tri-supervised-"));
    let restarts = 0;
    const h = await startEmbedded(own, { supervise: true, onRestart: () => restarts++ });
    handles.push(h);
    try {
      await query(h.url(), "create table kept (v int); insert into kept values (42)");
      const pid = h.pid!()!;
      process.kill(pid, "SIGKILL");
      const deadline = Date.now() + 60_000;
      let rows: Array<{ v: number }> | null = null;
      while (!rows && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 500));
        rows = await query(h.url(), "select v from kept").catch(() => null);
      }
      expect(rows).toEqual([{ v: 42 }]);
      expect(restarts).toBe(1);
      expect(h.pid!()).not.toBe(pid);
    } finally {
      await h.stop();
      fs.rmSync(own, { recursive: true, force: true });
    }
  }, 90_000);
});
