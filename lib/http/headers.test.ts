import { describe, it, expect, beforeAll } from "vitest";
import { NextRequest } from "next/server";
import { proxy } from "@/proxy";
import { contentSecurityPolicy } from "./headers";
import { route } from "./route";
import { freshDatabase } from "../../tests/db";
import { userWithToken, apiRequest, ctx } from "../../tests/factories";

const page = (path: string, headers: Record<string, string> = {}) => proxy(new NextRequest(new URL(path, "http://desk.test"), { headers }));
const signedIn = { cookie: "next-auth.session-token=x" };

describe("page headers from proxy.ts", () => {
  it("carry a CSP whose scripts need this response's nonce; no 'unsafe-inline' for scripts", () => {
    const a = page("/queue", signedIn);
    const b = page("/queue", signedIn);
    const csp = a.headers.get("content-security-policy")!;
    const scriptSrc = csp.split("; ").find((d) => d.startsWith("script-src"))!;
    expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]{20,}'/);
    expect(scriptSrc).not.toContain("unsafe-inline");
    expect(csp).not.toBe(b.headers.get("content-security-policy"));
    // Next reads the nonce from the forwarded request headers and stamps it on its scripts.
    const nonce = scriptSrc.match(/'nonce-([^']+)'/)![1];
    expect(a.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    expect(a.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
  });

  it("the sign-in and public claim pages get the CSP too; strangers elsewhere go to sign-in", () => {
    for (const p of ["/login", "/r/00000000-0000-4000-8000-000000000000"]) expect(page(p).headers.get("content-security-policy")).toContain("nonce-");
    const stranger = page("/queue");
    expect(stranger.status).toBe(307);
    expect(new URL(stranger.headers.get("location")!).pathname).toBe("/login");
  });

  it("send HSTS only when served over https", () => {
    expect(page("/login").headers.get("strict-transport-security")).toBeNull();
    expect(page("/login", { "x-forwarded-proto": "https" }).headers.get("strict-transport-security")).toMatch(/max-age=\d{7,}/);
  });

  it("allow eval only in development", () => {
    expect(contentSecurityPolicy("n")).not.toContain("unsafe-eval");
    expect(contentSecurityPolicy("n", true)).toContain("unsafe-eval");
  });
});

describe("route answers", () => {
  let token = "";
  beforeAll(async () => {
    const { db } = await freshDatabase();
    token = (await userWithToken(db, "REVIEWER")).token;
  });
  const GET = route({ role: "REVIEWER" }, async () => ({ mine: true }));
  const PUBLIC = route({ role: "public" }, async () => ({ open: true }));

  it("are never cached once authenticated, answers and refusals alike", async () => {
    expect((await GET(apiRequest("/x", { token }), ctx())).headers.get("cache-control")).toBe("no-store");
    expect((await GET(apiRequest("/x", { token: "tri_forged" }), ctx())).headers.get("cache-control")).toBe("no-store");
    expect((await PUBLIC(apiRequest("/x"), ctx())).headers.get("cache-control")).toBeNull();
  });

  it("carry HSTS behind a TLS proxy", async () => {
    const res = await GET(apiRequest("/x", { token, headers: { "x-forwarded-proto": "https" } }), ctx());
    expect(res.headers.get("strict-transport-security")).toMatch(/^max-age=/);
  });
});
