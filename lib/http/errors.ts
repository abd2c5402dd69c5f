import { ZodError } from "zod";
import { DomainError, type DomainErrorKind } from "../errors";

// The one table of error codes: each code's HTTP status and what it means to a client. The
// wrappers answer from it and the OpenAPI document describes its error responses from it.
export const ERRORS = {
  bad_request: { status: 400, meaning: "Invalid input (with zod issues), or a change that lacks something it needs." },
  invalid_json: { status: 400, meaning: "The body is not valid JSON." },
  unauthorized: { status: 401, meaning: "No credentials, or an unknown or revoked token." },
  forbidden: { status: 403, meaning: "Signed in without the role needed, or a cross-site request with a session cookie." },
  not_found: { status: 404, meaning: "Not found." },
  conflict: { status: 409, meaning: "It already exists, or it clashes with what is there." },
  stale_version: { status: 409, meaning: "Someone changed it after you read it; `current` carries it as it is now." },
  payload_too_large: { status: 413, meaning: "The body is over 2 MB (an article text over 1 MB)." },
  unprocessable: { status: 422, meaning: "Valid input that a rule of the desk refuses." },
  rate_limited: { status: 429, meaning: "Too many attempts; wait for Retry-After." },
  internal: { status: 500, meaning: "A fault on the server." },
  unavailable: { status: 503, meaning: "The database is not answering; retry after Retry-After." },
} as const satisfies Record<string, { status: number; meaning: string }>;

export type ErrorCode = keyof typeof ERRORS;
export const ERROR_CODES = Object.keys(ERRORS) as [ErrorCode, ...ErrorCode[]];

// How the domain's failures (lib/errors.ts) read over HTTP.
const DOMAIN_CODE: Record<DomainErrorKind, ErrorCode> = {
  bad_input: "bad_request",
  not_found: "not_found",
  conflict: "conflict",
  stale: "stale_version",
  too_large: "payload_too_large",
  rule: "unprocessable",
  forbidden: "forbidden",
};

// The transport's own failures: no credentials, a body that is not JSON, too many attempts.
export class HttpError extends Error {
  constructor(
    public code: ErrorCode,
    message: string,
    public extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
  get status() {
    return ERRORS[this.code].status;
  }
}

// Each zod issue as where and what: its code, path and message (not the patterns a union tried).
export type ErrorIssue = { code: string; path: PropertyKey[]; message: string };
export type ErrorBody = { error: ErrorCode; message: string; issues?: ErrorIssue[] } & Record<string, unknown>;

// Seconds a client should wait before retrying while the database is away (it restarts in a few).
export const RETRY_AFTER_SECONDS = 5;

export type ErrorAnswer = { status: number; body: ErrorBody; headers?: Record<string, string> };

// Every failure becomes a stable code and a sentence for people; never a stack or database text.
export function toErrorBody(e: unknown): ErrorAnswer {
  if (e instanceof HttpError) return { status: e.status, body: { error: e.code, message: e.message, ...e.extra } };
  if (e instanceof DomainError) {
    const code = DOMAIN_CODE[e.kind];
    return { status: ERRORS[code].status, body: { error: code, message: e.message, ...e.details } };
  }
  if (e instanceof ZodError)
    return { status: 400, body: { error: "bad_request", message: summarize(e), issues: e.issues.map(({ code, path, message }) => ({ code, path, message })) } };
  const mapped = databaseError(e);
  if (mapped) return mapped;
  console.error("[triangulate] unexpected error:", e);
  return { status: 500, body: { error: "internal", message: "Something went wrong on our side." } };
}

const answer = (code: ErrorCode, message: string): ErrorAnswer =>
  code === "unavailable"
    ? { status: ERRORS[code].status, body: { error: code, message }, headers: { "Retry-After": String(RETRY_AFTER_SECONDS) } }
    : { status: ERRORS[code].status, body: { error: code, message } };

// Prisma codes that mean the database could not be reached or the pool had no connection to give.
const PRISMA_UNAVAILABLE = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
const ADAPTER_UNAVAILABLE = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections", "DatabaseDoesNotExist"]);
const NODE_UNAVAILABLE = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH"]);

// A database error is the client's fault (bad data: 4xx) or an outage (503 with Retry-After, so
// clients and the desk's own forms retry); neither is a bug, so neither is a 500.
function databaseError(e: unknown): ErrorAnswer | null {
  const err = e as {
    code?: string;
    message?: string;
    meta?: { driverAdapterError?: { cause?: { kind?: string; code?: string } } };
    cause?: { kind?: string; code?: string };
  };
  if (!err || typeof err !== "object") return null;
  const code = err.code;
  const cause = err.meta?.driverAdapterError?.cause ?? err.cause;
  const pgCode = cause?.kind === "postgres" ? cause.code : /^[0-9A-Z]{5}$/.test(code ?? "") && !code!.startsWith("P") ? code : undefined;
  if (code === "P2002" || pgCode === "23505") return answer("conflict", "That already exists.");
  if (code === "P2025") return answer("not_found", "Not found.");
  const down = "The database is not answering just now. Try again in a few seconds.";
  if ((code && (PRISMA_UNAVAILABLE.has(code) || NODE_UNAVAILABLE.has(code))) || (cause?.kind && ADAPTER_UNAVAILABLE.has(cause.kind)))
    return answer("unavailable", down);
  if (/Connection terminated|connection error|terminating connection|Client has encountered a connection error/i.test(err.message ?? ""))
    return answer("unavailable", down);
  if (pgCode) {
    // 08: connection exception; 57P0x: server shutting down or starting; 53: out of resources.
    if (/^(08|53|57P0)/.test(pgCode)) return answer("unavailable", down);
    if (pgCode.startsWith("22")) return answer("bad_request", "The input holds a value the database cannot store (such as a NUL character).");
    if (pgCode === "40001" || pgCode === "40P01") return answer("conflict", "Someone else changed this at the same moment. Try again.");
    if (pgCode === "23503") return answer("conflict", "That refers to something that no longer exists.");
    if (pgCode.startsWith("23")) return answer("unprocessable", "That change would break a rule of the desk's data.");
  }
  if (code === "P2000" || code === "P2039") return answer("bad_request", "The input holds a value the database cannot store.");
  if (code === "P2003") return answer("conflict", "That refers to something that no longer exists.");
  return null;
}

function summarize(e: ZodError): string {
  const first = e.issues[0];
  if (!first) return "Invalid input.";
  const where = first.path.length ? `${first.path.join(".")}: ` : "";
  return `Invalid input. ${where}${first.message}`;
}

export function fieldErrors(e: ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of e.issues) (out[issue.path.join(".") || "_"] ??= []).push(issue.message);
  return out;
}
