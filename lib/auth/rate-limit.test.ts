import { describe, it, expect, beforeAll, afterEach } from "vitest";
import { reloadEnv } from "../env";
import { freshDatabase } from "../../tests/db";
import { isLoginLimited, recordLoginFailure, clearLoginFailures, clientIp, MAX_FAILURES } from "./rate-limit";
import type { Db } from "../db/client";

let db: Db;
beforeAll(async () => {
  db = (await freshDatabase()).db;
});
afterEach(() => {
  delete process.env.TRUST_PROXY;
  reloadEnv();
});

describe("login rate limit", () => {
  it("limits an email after 10 failures, from any address", async () => {
    for (let i = 0; i < MAX_FAILURES - 1; i++) await recordLoginFailure(db, "A@x.io", `1.1.1.${i}`);
    expect(await isLoginLimited(db, "a@x.io", "9.9.9.9")).toBe(false);
    await recordLoginFailure(db, "a@x.io", "1.1.1.200");
    expect(await isLoginLimited(db, "a@x.io", "9.9.9.9")).toBe(true);
    expect(await isLoginLimited(db, "b@x.io", "9.9.9.9")).toBe(false);
  });

  it("limits an address after 10 failures, for any email", async () => {
    for (let i = 0; i < MAX_FAILURES; i++) await recordLoginFailure(db, `u${i}@x.io`, "2.2.2.2");
    expect(await isLoginLimited(db, "fresh@x.io", "2.2.2.2")).toBe(true);
  });

  it("forgets failures older than the window and after a success", async () => {
    for (let i = 0; i < MAX_FAILURES; i++) await db.loginAttempt.create({ data: { email: "old@x.io", ip: "3.3.3.3", at: new Date(Date.now() - 16 * 60_000) } });
    expect(await isLoginLimited(db, "old@x.io", "4.4.4.4")).toBe(false);
    for (let i = 0; i < MAX_FAILURES; i++) await recordLoginFailure(db, "c@x.io", `5.5.5.${i}`);
    await clearLoginFailures(db, "c@x.io");
    expect(await isLoginLimited(db, "c@x.io", "6.6.6.6")).toBe(false);
  });

  it("takes the address the trusted proxies saw, never one the client prepended", () => {
    // A client sent "6.6.6.6"; the edge proxy saw 203.0.113.9; an inner proxy saw 10.0.0.1.
    const h = new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.1" });
    expect(clientIp(h)).toBe("10.0.0.1");
    process.env.TRUST_PROXY = "2";
    reloadEnv();
    expect(clientIp(h)).toBe("203.0.113.9");
    process.env.TRUST_PROXY = "9";
    reloadEnv();
    expect(clientIp(h)).toBe("6.6.6.6");
    expect(clientIp(new Headers())).toBe("unknown");
  });
});
