import { describe, it, expect, beforeAll, vi } from "vitest";
import { encode } from "next-auth/jwt";
import { freshDatabase } from "@/tests/db";
import { userWithToken } from "@/tests/factories";
import type { Db } from "@/lib/db/client";
import { authOptions } from "./options";
import { resolveCredentials, sessionCookie } from "./current";

// Sessions are read by decoding the next-auth cookie directly (docs/decisions/020): the same
// cookie next-auth issues must work, and anything else must not.
let db: Db;
let user: Awaited<ReturnType<typeof userWithToken>>["user"];
const secret = () => authOptions.secret!;
const cookieFor = async (claims: Record<string, unknown>, opts: { secret?: string; maxAge?: number } = {}) =>
  `next-auth.session-token=${await encode({ token: claims, secret: opts.secret ?? secret(), maxAge: opts.maxAge })}`;
const resolve = (cookie: string) => resolveCredentials(new Headers({ cookie }));

beforeAll(async () => {
  authOptions.secret ??= "a-test-secret-that-is-long-enough-0123456789";
  db = (await freshDatabase()).db;
  user = (await userWithToken(db, "REVIEWER")).user;
});

describe("sessionCookie", () => {
  it("reads the whole cookie, the secure one first, or joins next-auth's numbered chunks in order", () => {
    expect(sessionCookie("a=1; next-auth.session-token=abc; b=2")).toBe("abc");
    expect(sessionCookie("next-auth.session-token=plain; __Secure-next-auth.session-token=secure")).toBe("secure");
    expect(sessionCookie("next-auth.session-token.1=def; next-auth.session-token.0=abc")).toBe("abcdef");
    expect(sessionCookie("next-auth.session-token.1=def")).toBeNull();
    expect(sessionCookie("other=1")).toBeNull();
  });
});

describe("resolveCredentials with a session cookie", () => {
  it("accepts a cookie next-auth would issue, and reads the user from the database", async () => {
    const c = await resolve(await cookieFor({ uid: user.id, authAt: Date.now() }));
    expect(c).toMatchObject({ kind: "ok", actor: { id: user.id, email: user.email, role: "REVIEWER", via: "session" } });
  });

  it("refuses a cookie signed with another secret, an expired one, garbage and one without a user", async () => {
    expect((await resolve(await cookieFor({ uid: user.id, authAt: Date.now() }, { secret: "not-the-secret-at-all-0123456789" }))).kind).toBe("none");
    expect((await resolve(await cookieFor({ uid: user.id, authAt: Date.now() }, { maxAge: -60 }))).kind).toBe("none");
    expect((await resolve("next-auth.session-token=eyJhbGciOiJkaXIifQ.garbage")).kind).toBe("none");
    expect((await resolve(await cookieFor({ authAt: Date.now() }))).kind).toBe("none");
  });

  it("refuses a session signed in before the user's sessions were ended, or of a deactivated user", async () => {
    const cookie = await cookieFor({ uid: user.id, authAt: Date.now() - 60_000 });
    await db.user.update({ where: { id: user.id }, data: { sessionsValidAfter: new Date() } });
    expect((await resolve(cookie)).kind).toBe("none");
    const fresh = await cookieFor({ uid: user.id, authAt: Date.now() + 1000 });
    expect((await resolve(fresh)).kind).toBe("ok");
    await db.user.update({ where: { id: user.id }, data: { active: false } });
    expect((await resolve(fresh)).kind).toBe("none");
  });

  it("forgets a remembered session once it expires, and finds no one for a uid that is no uuid", async () => {
    await db.user.update({ where: { id: user.id }, data: { active: true } });
    const cookie = await cookieFor({ uid: user.id, authAt: Date.now() + 2000 }, { maxAge: 60 });
    expect((await resolve(cookie)).kind).toBe("ok");
    expect((await resolve(cookie)).kind).toBe("ok"); // the remembered decode
    vi.useFakeTimers({ now: Date.now() + 120_000, toFake: ["Date"] });
    try {
      expect((await resolve(cookie)).kind).toBe("none");
    } finally {
      vi.useRealTimers();
    }
    expect((await resolve(await cookieFor({ uid: "not-a-uuid", authAt: Date.now() }))).kind).toBe("none");
  });
});
