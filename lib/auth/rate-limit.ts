import "server-only";
import type { Db } from "../db/client";
import { env } from "../env";

// The sign-in transaction or the client: anything that can reach the attempts table.
type Store = Pick<Db, "loginAttempt">;

export const MAX_FAILURES = 10;
export const WINDOW_MINUTES = 15;

// Failures are counted in Postgres so that every server process shares one count.
export async function isLoginLimited(db: Store, email: string, ip: string): Promise<boolean> {
  const since = new Date(Date.now() - WINDOW_MINUTES * 60_000);
  const [byEmail, byIp] = await Promise.all([
    db.loginAttempt.count({ where: { email: email.toLowerCase(), at: { gte: since } } }),
    db.loginAttempt.count({ where: { ip, at: { gte: since } } }),
  ]);
  return byEmail >= MAX_FAILURES || byIp >= MAX_FAILURES;
}

export async function recordLoginFailure(db: Store, email: string, ip: string) {
  await db.loginAttempt.create({ data: { email: email.toLowerCase(), ip } });
}

export async function clearLoginFailures(db: Store, email: string) {
  await db.loginAttempt.deleteMany({ where: { email: email.toLowerCase() } });
}

// TRUST_PROXY=N says N reverse proxies each append the address they saw: the client is then the
// Nth entry from the right, the leftmost ones being whatever the client chose to send. Without a
// proxy, Next fills the header only when the client sent none, so the per-address count can be
// dodged; the per-email count cannot (docs/decisions/003).
export function clientIp(headers: Headers | Record<string, string | string[] | undefined>): string {
  const get = (k: string) => (headers instanceof Headers ? headers.get(k) : (([] as string[]).concat(headers[k] ?? [])[0] ?? null));
  const hops = (get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const trusted = Math.max(1, env().TRUST_PROXY ?? 1);
  return hops[Math.max(0, hops.length - trusted)] || get("x-real-ip") || "unknown";
}

// The email of a sign-in attempt, whether next-auth's client posted a form or a script posted JSON.
export async function signInEmail(req: Request): Promise<string> {
  const text = await req
    .clone()
    .text()
    .catch(() => "");
  let email: unknown;
  if ((req.headers.get("content-type") ?? "").includes("json")) {
    try {
      email = (JSON.parse(text) as { email?: unknown })?.email;
    } catch {
      email = undefined;
    }
  } else email = new URLSearchParams(text).get("email");
  return String(email ?? "")
    .trim()
    .toLowerCase();
}

// next-auth reports a refused sign-in as a redirect, or as JSON {url} for its own client, with
// the authorize error in the URL. Attempts that pass the early check together and are then
// refused inside authorize (parallel guesses) are recognised here, so they too answer 429.
export async function saysRateLimited(res: Response): Promise<boolean> {
  if ((res.headers.get("location") ?? "").includes("error=RateLimited")) return true;
  if (!(res.headers.get("content-type") ?? "").includes("json")) return false;
  const body = (await res
    .clone()
    .json()
    .catch(() => null)) as { url?: unknown } | null;
  return typeof body?.url === "string" && body.url.includes("error=RateLimited");
}
