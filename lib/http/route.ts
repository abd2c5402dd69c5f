import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import { resolveCredentials } from "../auth/current";
import type { Actor, Role } from "../auth/actor";
import { HttpError, toErrorBody } from "./errors";
import { servedOverHttps, HSTS } from "./headers";
import type { ApiDoc, RouteSpec } from "../openapi/spec";

export const MAX_BODY_BYTES = 2 * 1024 * 1024;

type Access = Role | "public";
type RouteCtx = { params: Promise<Record<string, string | string[]>> };
type Parsed<S> = S extends z.ZodType ? z.infer<S> : undefined;

// `doc` is the route's entry in the API reference; the reference reads role and schemas from here too.
export type RouteOptions<B, Q, P> = { role: Access; body?: B; query?: Q; params?: P; maxBytes?: number; doc?: ApiDoc };
export type Handler<B, Q, P, A> = (ctx: { req: NextRequest; actor: A; body: Parsed<B>; query: Parsed<Q>; params: Parsed<P> }) => Promise<Response | unknown>;

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export async function requireActor(role: Access, headers?: Headers): Promise<Actor | null> {
  if (role === "public") return null;
  const cred = await resolveCredentials(headers);
  if (cred.kind === "bad_token") throw new HttpError("unauthorized", "The API token is unknown or revoked.");
  if (cred.kind === "none") throw new HttpError("unauthorized", "Sign in or send an API token.");
  if (role === "ADMIN" && cred.actor.role !== "ADMIN") throw new HttpError("forbidden", "Only admins may do this.");
  return cred.actor;
}

// A cookie rides along on cross-site requests; a token does not. So only cookie sessions need
// the Origin check that stops another site from posting on a reviewer's behalf.
function checkOrigin(req: NextRequest, actor: Actor | null) {
  if (!actor || actor.via !== "session" || !MUTATING.has(req.method)) return;
  const origin = req.headers.get("origin");
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  let originHost: string | null = null;
  try {
    originHost = origin ? new URL(origin).host : null;
  } catch {
    // "null" (sandboxed frames, some redirects) or garbage: not this site.
  }
  if (!originHost || !host || originHost !== host)
    throw new HttpError(
      "forbidden",
      "Cross-site request refused: a write made with the session cookie must send this site's Origin header (or use an API token).",
    );
}

async function readJson(req: NextRequest, maxBytes: number): Promise<unknown> {
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw new HttpError("payload_too_large", `The request body is over ${maxBytes} bytes.`);
  const text = await req.text();
  if (Buffer.byteLength(text) > maxBytes) throw new HttpError("payload_too_large", `The request body is over ${maxBytes} bytes.`);
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError("invalid_json", "The request body is not valid JSON.");
  }
}

export function json(data: unknown, status = 200, headers?: HeadersInit): Response {
  return NextResponse.json(data, { status, headers });
}

// The one wrapper every route handler goes through: authenticate, authorize, parse, map errors.
export function route<
  B extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  P extends z.ZodType | undefined = undefined,
  R extends Access = Access,
>(opts: RouteOptions<B, Q, P> & { role: R }, handler: Handler<B, Q, P, R extends "public" ? null : Actor>) {
  const handle = async (req: NextRequest, ctx: RouteCtx): Promise<Response> => {
    try {
      const actor = await requireActor(opts.role, req.headers);
      checkOrigin(req, actor);
      const params = opts.params ? opts.params.parse(await ctx.params) : undefined;
      const query = opts.query ? opts.query.parse(Object.fromEntries(req.nextUrl.searchParams)) : undefined;
      const body = opts.body ? opts.body.parse(await readJson(req, opts.maxBytes ?? MAX_BODY_BYTES)) : undefined;
      const out = await handler({ req, actor: actor as never, body: body as Parsed<B>, query: query as Parsed<Q>, params: params as Parsed<P> });
      return secured(req, out instanceof Response ? out : json(out), actor !== null);
    } catch (e) {
      const { status, body, headers } = toErrorBody(e);
      return secured(req, json(body, status, headers), req.headers.has("authorization") || req.headers.has("cookie"));
    }
  };
  const spec: RouteSpec = { role: opts.role, params: opts.params, query: opts.query, body: opts.body, doc: opts.doc };
  return Object.assign(handle, { spec });
}

// An answer for a signed-in user or a token holder is theirs alone: no cache, shared or private,
// may keep it. Over https, browsers are told to stay on https.
function secured(req: NextRequest, res: Response, personal: boolean): Response {
  if (personal) res.headers.set("Cache-Control", "no-store");
  if (servedOverHttps(req)) res.headers.set("Strict-Transport-Security", HSTS);
  return res;
}
