import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { isLoginLimited, clientIp } from "@/lib/auth/rate-limit";
import { getDb } from "@/lib/db/client";
import { json } from "@/lib/http/route";

const handler = NextAuth(authOptions);
type Ctx = { params: Promise<{ nextauth: string[] }> };

export const GET = handler;

// next-auth answers a refused sign-in with 200/401; the rate limit must be a 429 that scripts can see,
// so the credentials callback is checked here before next-auth runs.
export async function POST(req: NextRequest, ctx: Ctx) {
  const { nextauth } = await ctx.params;
  if (nextauth.join("/") === "callback/credentials") {
    const form = await req.clone().formData().catch(() => null);
    const email = String(form?.get("email") ?? "").trim().toLowerCase();
    if (await isLoginLimited(getDb(), email, clientIp(req.headers))) {
      const url = new URL("/login?error=RateLimited", req.nextUrl.origin).toString();
      return json({ error: "rate_limited", message: "Too many failed sign-in attempts. Try again in 15 minutes.", url }, 429, { "Retry-After": "900" });
    }
  }
  return handler(req, ctx);
}
