import { NextResponse, type NextRequest } from "next/server";

// Only a convenience: strangers on pages are sent to the sign-in page. Every page, action and
// route handler still checks the session itself (lib/http, lib/auth/guard).
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

export function proxy(req: NextRequest) {
  if (SESSION_COOKIES.some((c) => req.cookies.has(c))) return NextResponse.next();
  const url = new URL("/login", req.url);
  url.searchParams.set("callbackUrl", req.nextUrl.pathname + req.nextUrl.search);
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ["/((?!login|api|_next|favicon.ico|r/).*)"],
};
