import { describe, it, expect, vi } from "vitest";
import { z } from "zod";
import { toErrorBody, HttpError, ERRORS } from "./errors";
import { DomainError, type DomainErrorKind } from "../errors";

describe("error mapping", () => {
  it("maps zod errors to 400 with issues", () => {
    const r = z.object({ a: z.number() }).safeParse({ a: "x" });
    const { status, body } = toErrorBody(r.error);
    expect(status).toBe(400);
    expect(body.error).toBe("bad_request");
    expect(body.message).toMatch(/^Invalid input\. a:/);
    expect(body.issues?.[0].path).toEqual(["a"]);
  });

  it("gives each issue as code, path and message, without the patterns a union tried", () => {
    const r = z.object({ when: z.union([z.iso.date(), z.iso.datetime({ offset: true })], { error: "Use a date." }) }).safeParse({ when: "soon" });
    const { body } = toErrorBody(r.error);
    expect(body.issues).toEqual([{ code: "invalid_union", path: ["when"], message: "Use a date." }]);
    expect(JSON.stringify(body)).not.toMatch(/pattern|\^/);
  });

  it("maps HttpErrors to their status and keeps extra fields", () => {
    expect(toErrorBody(new HttpError("stale_version", "Changed", { current: { v: 2 } }))).toEqual({
      status: 409,
      body: { error: "stale_version", message: "Changed", current: { v: 2 } },
    });
    expect(toErrorBody(new HttpError("rate_limited", "Slow down")).status).toBe(429);
  });

  it("maps every domain error kind to its stable JSON code and keeps its details", () => {
    const expected: Record<DomainErrorKind, [string, number]> = {
      bad_input: ["bad_request", 400],
      not_found: ["not_found", 404],
      conflict: ["conflict", 409],
      stale: ["stale_version", 409],
      too_large: ["payload_too_large", 413],
      rule: ["unprocessable", 422],
      forbidden: ["forbidden", 403],
    };
    for (const [kind, [code, status]] of Object.entries(expected)) {
      const { status: s, body } = toErrorBody(new DomainError(kind as DomainErrorKind, "Why", { current: 1 }));
      expect([body.error, s, body.message, body.current]).toEqual([code, status, "Why", 1]);
      expect(ERRORS[body.error].status).toBe(s);
    }
  });

  it("never shows database text or stacks for unexpected errors", () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const { status, body } = toErrorBody(new Error('relation "User" does not exist at /work/lib/x.ts:1'));
    expect(status).toBe(500);
    expect(JSON.stringify(body)).not.toMatch(/relation|\.ts|User/);
    expect(toErrorBody({ code: "P2002", message: "Unique constraint failed on the fields: (`email`)" }).body.message).not.toMatch(/email/);
    spy.mockRestore();
  });
});
