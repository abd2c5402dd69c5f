import "server-only";
import { ZodError, type z } from "zod";
import { resolveCredentials } from "../auth/current";
import type { Actor, Role } from "../auth/actor";
import { HttpError, toErrorBody, fieldErrors, type ErrorCode } from "./errors";

export type ActionState<T = unknown> =
  { ok: true; data: T; message?: string } | { ok: false; error: ErrorCode; message: string; fieldErrors?: Record<string, string[]>; current?: unknown } | null;

// Server actions are public POST endpoints, so they get the same checks as route handlers.
// Input arrives as FormData (from forms) or a plain object (from client code); both are parsed by
// the same zod schema the form and the API use.
export function action<S extends z.ZodType, T>(opts: { role: Role; schema: S }, fn: (input: z.infer<S>, actor: Actor) => Promise<T>) {
  return async (_prev: ActionState<T>, input: FormData | Record<string, unknown>): Promise<ActionState<T>> => {
    try {
      const cred = await resolveCredentials(undefined, { tokens: false });
      if (cred.kind !== "ok") throw new HttpError("unauthorized", "Your session has ended. Sign in again.");
      if (opts.role === "ADMIN" && cred.actor.role !== "ADMIN") throw new HttpError("forbidden", "Only admins may do this.");
      const raw = input instanceof FormData ? Object.fromEntries(input) : input;
      const parsed = opts.schema.parse(raw);
      return { ok: true, data: await fn(parsed, cred.actor) };
    } catch (e) {
      if (e instanceof ZodError) return { ok: false, error: "bad_request", message: "Please correct the highlighted fields.", fieldErrors: fieldErrors(e) };
      const { body } = toErrorBody(e);
      // A 409 carries the record as it is now, so the page can show it beside the user's draft.
      return { ok: false, error: body.error, message: body.message, ...(body.current !== undefined ? { current: body.current } : {}) };
    }
  };
}
