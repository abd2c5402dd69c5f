import "server-only";
import type { Db } from "../db/client";

export const MAX_FAILURES = 10;
export const WINDOW_MINUTES = 15;

// Failures are counted in Postgres so that every server process shares one count.
export async function isLoginLimited(db: Db, email: string, ip: string): Promise<boolean> {
  const since = new Date(Date.now() - WINDOW_MINUTES * 60_000);
  const [byEmail, byIp] = await Promise.all([
    db.loginAttempt.count({ where: { email: email.toLowerCase(), at: { gte: since } } }),
    db.loginAttempt.count({ where: { ip, at: { gte: since } } }),
  ]);
  return byEmail >= MAX_FAILURES || byIp >= MAX_FAILURES;
}

export async function recordLoginFailure(db: Db, email: string, ip: string) {
  await db.loginAttempt.create({ data: { email: email.toLowerCase(), ip } });
}

export async function clearLoginFailures(db: Db, email: string) {
  await db.loginAttempt.deleteMany({ where: { email: email.toLowerCase() } });
}

// Behind a trusted proxy the client is the first X-Forwarded-For entry; otherwise only the last
// hop (added by Next's own server) can be believed.
export function clientIp(headers: Headers | Record<string, string | string[] | undefined>): string {
  const get = (k: string) => (headers instanceof Headers ? headers.get(k) : ([] as string[]).concat(headers[k] ?? [])[0] ?? null);
  const hops = (get("x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  const ip = process.env.TRUST_PROXY === "1" ? hops[0] : hops.at(-1);
  return ip || get("x-real-ip") || "unknown";
}
