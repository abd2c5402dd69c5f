import { describe, it, expect, beforeAll } from "vitest";
import { NextRequest } from "next/server";
import { freshDatabase } from "@/tests/db";
import { userWithToken } from "@/tests/factories";
import { recordLoginFailure, saysRateLimited, MAX_FAILURES } from "@/lib/auth/rate-limit";
import { authOptions } from "@/lib/auth/options";
import { sessionIsCurrent } from "@/lib/auth/current";
import type { Db } from "@/lib/db/client";
import { POST } from "./route";

let db: Db;
beforeAll(async () => {
  db = (await freshDatabase()).db;
});

const signIn = (body: string, type: string) =>
  POST(new NextRequest("http://localhost:3000/api/auth/callback/credentials", { method: "POST", headers: { "content-type": type }, body }), {
    params: Promise.resolve({ nextauth: ["callback", "credentials"] }),
  });

describe("sign-in limit", () => {
  it("answers 429 past the limit whether the attempt is a form or JSON", async () => {
    for (let i = 0; i < MAX_FAILURES; i++) await recordLoginFailure(db, "locked@x.io", `10.0.0.${i}`);
    const asForm = await signIn("email=locked%40x.io&password=guess", "application/x-www-form-urlencoded");
    const asJson = await signIn(JSON.stringify({ email: "Locked@x.io", password: "guess" }), "application/json");
    for (const res of [asForm, asJson]) {
      expect(res.status).toBe(429);
      expect(res.headers.get("retry-after")).toBe("900");
    }
  });

  it("recognises next-auth's own RateLimited answers (parallel attempts refused inside authorize)", async () => {
    expect(
      await saysRateLimited(
        new Response(JSON.stringify({ url: "http://x/login?error=RateLimited" }), { status: 401, headers: { "content-type": "application/json" } }),
      ),
    ).toBe(true);
    expect(await saysRateLimited(new Response(null, { status: 302, headers: { location: "/login?error=RateLimited" } }))).toBe(true);
    expect(
      await saysRateLimited(
        new Response(JSON.stringify({ url: "http://x/login?error=CredentialsSignin" }), { status: 401, headers: { "content-type": "application/json" } }),
      ),
    ).toBe(false);
  });
});

describe("sign-out", () => {
  it("ends the session it signs out of: a cookie captured before no longer counts", async () => {
    const { user } = await userWithToken(db, "REVIEWER");
    const authAt = Date.now();
    await new Promise((r) => setTimeout(r, 5));
    expect(sessionIsCurrent(authAt, await db.user.findUniqueOrThrow({ where: { id: user.id } }))).toBe(true);
    await authOptions.events!.signOut!({ token: { uid: user.id }, session: null as never });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(sessionIsCurrent(authAt, after)).toBe(false);
    // Signing in again afterwards works.
    expect(sessionIsCurrent(Date.now(), after)).toBe(true);
  });
});
