import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { cache } from "react";
import { headers } from "next/headers";
import { decode } from "next-auth/jwt";
import { getDb } from "../db/client";
import { query, sql } from "../db/sql";
import { authOptions } from "./options";
import { findTokenOwner } from "./tokens";
import type { Actor } from "./actor";

// Lets the CLI and tests run server code as a given actor without an HTTP request around it.
const override = new AsyncLocalStorage<{ actor: Actor | null }>();
export function runAs<T>(actor: Actor | null, fn: () => Promise<T>): Promise<T> {
  return override.run({ actor }, fn);
}

export type Credentials = { kind: "none" } | { kind: "bad_token" } | { kind: "ok"; actor: Actor };

// The user is re-read on every request, so deactivation, a role change or a password reset
// (which moves sessionsValidAfter) takes effect at once, whatever the JWT still says.
// Tokens are for the JSON API only. Pages and server actions take a session: an action is a POST
// endpoint too, and one that took tokens would let a leaked token do what only people may do.
export async function resolveCredentials(given?: Headers, opts: { tokens?: boolean } = {}): Promise<Credentials> {
  const tokens = opts.tokens ?? true;
  const forced = override.getStore();
  if (forced) {
    if (!forced.actor || (!tokens && forced.actor.via === "token")) return { kind: "none" };
    return { kind: "ok", actor: forced.actor };
  }
  const h = given ?? (await headers());
  const authz = h.get("authorization");
  if (authz && tokens) {
    const token = authz.match(/^Bearer\s+(\S+)$/i)?.[1];
    const owner = token ? await findTokenOwner(getDb(), token) : null;
    if (!owner) return { kind: "bad_token" };
    return { kind: "ok", actor: { id: owner.id, email: owner.email, name: owner.name, role: owner.role, via: "token" } };
  }
  const session = await readSession(h.get("cookie") ?? "");
  if (!session?.uid) return { kind: "none" };
  const user = await sessionUser(session.uid);
  if (!user || !sessionIsCurrent(session.authAt, user)) return { kind: "none" };
  return { kind: "ok", actor: { id: user.id, email: user.email, name: user.name, role: user.role, via: "session" } };
}

type SessionUser = { id: string; email: string; name: string; role: Actor["role"]; active: boolean; sessionsValidAfter: Date };

// The six columns a session needs, through the thin client (docs/decisions/028). A uid that is no
// uuid (a forged or foreign token) finds no one rather than failing the cast.
async function sessionUser(uid: string): Promise<SessionUser | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(uid)) return null;
  const [user] = await query<SessionUser>(
    sql`
    SELECT id, email, name, role::text AS role, active, "sessionsValidAfter" FROM "User" WHERE id = ${uid}::uuid`,
    { prepared: true },
  );
  return user ?? null;
}

// The session cookie's value as next-auth writes it: whole, or split into numbered chunks when large.
export function sessionCookie(cookieHeader: string): string | null {
  const jar = new Map<string, string>();
  for (const part of cookieHeader.split(/;\s*/)) {
    const eq = part.indexOf("=");
    if (eq > 0) jar.set(part.slice(0, eq), part.slice(eq + 1));
  }
  for (const name of ["__Secure-next-auth.session-token", "next-auth.session-token"]) {
    if (jar.has(name)) return jar.get(name)!;
    const chunks: string[] = [];
    for (let i = 0; jar.has(`${name}.${i}`); i++) chunks.push(jar.get(`${name}.${i}`)!);
    if (chunks.length) return chunks.join("");
  }
  return null;
}

// The signed, encrypted session token decoded directly (docs/decisions/020): getServerSession did
// the same decode, then built a whole next-auth request, ran the callbacks and re-encrypted a fresh
// cookie on every call, which was most of a page's auth cost. Expiry is checked by decode, and again
// on every use of a remembered token.
type SessionToken = { uid?: string; authAt?: number; exp?: number };

// A token's content never changes, so a decoded one is remembered (docs/decisions/028): decoding
// derives a key (HKDF) and decrypts on every request otherwise. Whether the session still counts
// is decided by the user row, read on every request.
const decoded = new Map<string, SessionToken>();
const DECODED_MAX = 1000;

async function readSession(cookieHeader: string): Promise<SessionToken | null> {
  const token = sessionCookie(cookieHeader);
  if (!token || !authOptions.secret) return null;
  const known = decoded.get(token);
  if (known) {
    if (!known.exp || known.exp * 1000 > Date.now()) return known;
    decoded.delete(token);
    return null;
  }
  try {
    const session = (await decode({ token, secret: authOptions.secret })) as SessionToken | null;
    if (session) {
      if (decoded.size >= DECODED_MAX) decoded.delete(decoded.keys().next().value!);
      decoded.set(token, session);
    }
    return session;
  } catch {
    return null;
  }
}

// Once per request: the layout's navigation and the page both ask.
export const currentActor = cache(async (): Promise<Actor | null> => {
  const c = await resolveCredentials(undefined, { tokens: false });
  return c.kind === "ok" ? c.actor : null;
});

// A session counts if its user is active and it was signed in after the last sign-out, password
// reset or deactivation.
export function sessionIsCurrent(authAt: number | undefined, user: { active: boolean; sessionsValidAfter: Date }): boolean {
  return user.active && (authAt ?? 0) >= user.sessionsValidAfter.getTime();
}
