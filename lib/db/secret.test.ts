import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, it, expect, afterEach } from "vitest";
import { ensureAuthSecret } from "./secret";
import { reloadEnv } from "../env";

const saved = { NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET, AUTH_SECRET: process.env.AUTH_SECRET };
afterEach(() => {
  // Assigning undefined to process.env stores the string "undefined".
  for (const [k, v] of Object.entries(saved))
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  reloadEnv();
});

describe("the session secret", () => {
  it("is generated once in embedded mode, kept with mode 0600, and reused", () => {
    delete process.env.NEXTAUTH_SECRET;
    delete process.env.AUTH_SECRET;
    reloadEnv();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "secret-"));
    const first = ensureAuthSecret({ embedded: true, dataDir: dir });
    expect(first.length).toBeGreaterThanOrEqual(40);
    expect(fs.statSync(path.join(dir, "auth-secret")).mode & 0o777).toBe(0o600);
    expect(ensureAuthSecret({ embedded: true, dataDir: dir })).toBe(first);
  });

  it("stops the boot with a clear message when a real database has no secret", () => {
    delete process.env.NEXTAUTH_SECRET;
    delete process.env.AUTH_SECRET;
    reloadEnv();
    expect(() => ensureAuthSecret({ embedded: false, dataDir: "/nonexistent" })).toThrow(/NEXTAUTH_SECRET is not set/);
  });

  it("uses the secret it is given", () => {
    process.env.NEXTAUTH_SECRET = "given-secret-of-16+-chars";
    reloadEnv();
    expect(ensureAuthSecret({ embedded: false, dataDir: "/nonexistent" })).toBe("given-secret-of-16+-chars");
  });
});
