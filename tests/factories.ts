import crypto from "node:crypto";
import { NextRequest } from "next/server";
import type { Db } from "../lib/db/client";
import { createUser } from "../lib/users/mutations";
import { createApiToken } from "../lib/auth/tokens";
import type { Actor } from "../lib/auth/actor";

export async function userWithToken(db: Db, role: "ADMIN" | "REVIEWER") {
  const email = `${role.toLowerCase()}-${crypto.randomBytes(4).toString("hex")}@test.local`;
  const { user } = await createUser(db, null, { email, name: `${role} user`, role, password: "correct horse battery" });
  const { token } = await createApiToken(db, user.id);
  // actor: the user signed in (what runAs gives server actions); token: for API requests.
  const actor: Actor = { id: user.id, email: user.email, name: user.name, role: user.role, via: "session" };
  return { user, token, actor, tokenActor: { ...actor, via: "token" } satisfies Actor };
}

type ReqInit = { method?: string; token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> };

// A real NextRequest, so tests go through the same wrapper code as production requests.
export function apiRequest(path: string, init: ReqInit = {}): NextRequest {
  const headers: Record<string, string> = { ...(init.headers ?? {}) };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  const body = init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  if (body !== undefined) headers["content-type"] = "application/json";
  return new NextRequest(new URL(path, "http://localhost:3000"), { method: init.method ?? (body === undefined ? "GET" : "POST"), headers, body });
}

export function ctx(params: Record<string, string> = {}) {
  return { params: Promise.resolve(params) };
}

// What a browser's form submission hands a server action.
export function form(fields: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
}
