import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { isLoginLimited, clientIp, signInEmail, saysRateLimited, WINDOW_MINUTES } from "@/lib/auth/rate-limit";
import { getDb } from "@/lib/db/client";
import { json } from "@/lib/http/route";

const handler = NextAuth(authOptions);
type Ctx = { params: Promise<{ nextauth: string[] }> };

export const GET = handler;

function rateLimited(req: NextRequest) {
  const url = new URL("/login?error=RateLimited", req.nextUrl.origin).toString();
  return json({ error: "rate_limited", message: `Too many failed sign-in attempts. Try again in ${WINDOW_MINUTES} minutes.`, url }, 429, {
    "Retry-After": String(WINDOW_MINUTES * 60),
  });
}

// next-auth answers a refused sign-in with 200/401; the rate limit must be a 429 that scripts can
// see. It is checked before next-auth runs (form or JSON body), and next-auth's own answer is
// checked after, for attempts that were let in together and refused inside authorize.
export async function POST(req: NextRequest, ctx: Ctx) {
  const { nextauth } = await ctx.params;
  if (nextauth.join("/") !== "callback/credentials") return handler(req, ctx);
  if (await isLoginLimited(getDb(), await signInEmail(req), clientIp(req.headers))) return rateLimited(req);
  const res: Response = await handler(req, ctx);
  return (await saysRateLimited(res)) ? rateLimited(req) : res;
}
