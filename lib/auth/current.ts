import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { headers } from "next/headers";
import { getServerSession } from "next-auth";
import { getDb } from "../db/client";
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
  if (!/(?:^|;\s*)(?:__Secure-)?next-auth\.session-token(?:\.\d+)?=/.test(h.get("cookie") ?? "")) return { kind: "none" };
  const session = (await getServerSession(authOptions)) as { uid?: string; authAt?: number } | null;
  if (!session?.uid) return { kind: "none" };
  const user = await getDb().user.findUnique({ where: { id: session.uid } });
  if (!user || !sessionIsCurrent(session.authAt, user)) return { kind: "none" };
  return { kind: "ok", actor: { id: user.id, email: user.email, name: user.name, role: user.role, via: "session" } };
}

export async function currentActor(): Promise<Actor | null> {
  const c = await resolveCredentials(undefined, { tokens: false });
  return c.kind === "ok" ? c.actor : null;
}

// A session counts if its user is active and it was signed in after the last sign-out, password
// reset or deactivation.
export function sessionIsCurrent(authAt: number | undefined, user: { active: boolean; sessionsValidAfter: Date }): boolean {
  return user.active && (authAt ?? 0) >= user.sessionsValidAfter.getTime();
}
