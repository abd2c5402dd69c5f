import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, servedOverHttps, HSTS } from "./lib/http/headers";
import { env } from "./lib/env";

// Two jobs, neither of them authorization (every page, action and route handler checks the
// session itself, in lib/http and lib/auth/guard):
// - give each page response a fresh CSP nonce (Next applies it to its scripts) and HSTS over https;
// - send strangers on desk pages to the sign-in page, as a convenience.
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];
const OPEN = /^\/(?:login(?:\/|$)|r\/)/;

export function proxy(req: NextRequest) {
  const path = req.nextUrl.pathname;
  if (!OPEN.test(path) && !SESSION_COOKIES.some((c) => req.cookies.has(c))) {
    const url = new URL("/login", req.url);
    url.searchParams.set("callbackUrl", path + req.nextUrl.search);
    return withSecurityHeaders(req, NextResponse.redirect(url), null);
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy(nonce, env().NODE_ENV === "development");
  const requestHeaders = new Headers(req.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  return withSecurityHeaders(req, NextResponse.next({ request: { headers: requestHeaders } }), csp);
}

function withSecurityHeaders(req: NextRequest, res: NextResponse, csp: string | null) {
  if (csp) res.headers.set("Content-Security-Policy", csp);
  if (servedOverHttps(req)) res.headers.set("Strict-Transport-Security", HSTS);
  return res;
}

export const config = {
  // Every page; not route handlers (they set their own headers), static assets or prefetches.
  matcher: [{ source: "/((?!api|_next/static|_next/image|favicon.ico).*)", missing: [{ type: "header", key: "next-router-prefetch" }] }],
};
