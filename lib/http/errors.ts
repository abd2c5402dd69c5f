import { ZodError, type z } from "zod";

export type ErrorCode =
  | "bad_request" | "invalid_json" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "stale_version"
  | "payload_too_large" | "unprocessable" | "rate_limited" | "internal";

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400, invalid_json: 400, unauthorized: 401, forbidden: 403, not_found: 404, conflict: 409,
  stale_version: 409, payload_too_large: 413, unprocessable: 422, rate_limited: 429, internal: 500,
};

export class HttpError extends Error {
  constructor(public code: ErrorCode, message: string, public extra: Record<string, unknown> = {}) {
    super(message);
  }
  get status() {
    return STATUS[this.code];
  }
}

export type ErrorBody = { error: ErrorCode; message: string; issues?: z.core.$ZodIssue[] } & Record<string, unknown>;

// Every failure becomes a stable code and a sentence for people; never a stack or database text.
export function toErrorBody(e: unknown): { status: number; body: ErrorBody } {
  if (e instanceof HttpError) return { status: e.status, body: { error: e.code, message: e.message, ...e.extra } };
  if (e instanceof ZodError) return { status: 400, body: { error: "bad_request", message: summarize(e), issues: e.issues } };
  const code = (e as { code?: string })?.code;
  if (code === "P2002") return { status: 409, body: { error: "conflict", message: "That already exists." } };
  if (code === "P2025") return { status: 404, body: { error: "not_found", message: "Not found." } };
  console.error("[triangulate] unexpected error:", e);
  return { status: 500, body: { error: "internal", message: "Something went wrong on our side." } };
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
