import { ZodError, type z } from "zod";

export type ErrorCode =
  | "bad_request" | "invalid_json" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "stale_version"
  | "payload_too_large" | "unprocessable" | "rate_limited" | "unavailable" | "internal";

export const ERROR_STATUS: Record<ErrorCode, number> = {
  bad_request: 400, invalid_json: 400, unauthorized: 401, forbidden: 403, not_found: 404, conflict: 409,
  stale_version: 409, payload_too_large: 413, unprocessable: 422, rate_limited: 429, unavailable: 503, internal: 500,
};

export class HttpError extends Error {
  constructor(public code: ErrorCode, message: string, public extra: Record<string, unknown> = {}) {
    super(message);
  }
  get status() {
    return ERROR_STATUS[this.code];
  }
}

export type ErrorBody = { error: ErrorCode; message: string; issues?: z.core.$ZodIssue[] } & Record<string, unknown>;

// Seconds a client should wait before retrying while the database is away (it restarts in a few).
export const RETRY_AFTER_SECONDS = 5;

export type ErrorAnswer = { status: number; body: ErrorBody; headers?: Record<string, string> };

// Every failure becomes a stable code and a sentence for people; never a stack or database text.
export function toErrorBody(e: unknown): ErrorAnswer {
  if (e instanceof HttpError) return { status: e.status, body: { error: e.code, message: e.message, ...e.extra } };
  if (e instanceof ZodError) return { status: 400, body: { error: "bad_request", message: summarize(e), issues: e.issues } };
  const mapped = databaseError(e);
  if (mapped) return mapped;
  console.error("[triangulate] unexpected error:", e);
  return { status: 500, body: { error: "internal", message: "Something went wrong on our side." } };
}

const answer = (code: ErrorCode, message: string): ErrorAnswer =>
  code === "unavailable"
    ? { status: ERROR_STATUS[code], body: { error: code, message }, headers: { "Retry-After": String(RETRY_AFTER_SECONDS) } }
    : { status: ERROR_STATUS[code], body: { error: code, message } };

// Prisma codes that mean the database could not be reached or the pool had no connection to give.
const PRISMA_UNAVAILABLE = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
const ADAPTER_UNAVAILABLE = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections", "DatabaseDoesNotExist"]);
const NODE_UNAVAILABLE = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH"]);

// A database error is the client's fault (bad data: 4xx) or an outage (503 with Retry-After, so
// clients and the desk's own forms retry); neither is a bug, so neither is a 500.
function databaseError(e: unknown): ErrorAnswer | null {
  const err = e as { code?: string; message?: string; meta?: { driverAdapterError?: { cause?: { kind?: string; code?: string } } }; cause?: { kind?: string; code?: string } };
  if (!err || typeof err !== "object") return null;
  const code = err.code;
  const cause = err.meta?.driverAdapterError?.cause ?? err.cause;
  const pgCode = cause?.kind === "postgres" ? cause.code : /^[0-9A-Z]{5}$/.test(code ?? "") && !code!.startsWith("P") ? code : undefined;
  if (code === "P2002" || pgCode === "23505") return answer("conflict", "That already exists.");
  if (code === "P2025") return answer("not_found", "Not found.");
  const down = "The database is not answering just now. Try again in a few seconds.";
  if ((code && (PRISMA_UNAVAILABLE.has(code) || NODE_UNAVAILABLE.has(code))) || (cause?.kind && ADAPTER_UNAVAILABLE.has(cause.kind))) return answer("unavailable", down);
  if (/Connection terminated|connection error|terminating connection|Client has encountered a connection error/i.test(err.message ?? "")) return answer("unavailable", down);
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
