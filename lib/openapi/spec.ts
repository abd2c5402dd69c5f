import type { z } from "zod";

// What a route handler declares about itself (lib/http/route.ts attaches it to the handler), and
// what the OpenAPI document is built from: one declaration per route, no second list.

export type Access = "public" | "REVIEWER" | "ADMIN";
export type Method = "get" | "post" | "patch" | "put" | "delete";
export type JsonSchema = Record<string, unknown>;
export type Success = { status: number; description: string; schema?: z.ZodType | JsonSchema; contentType?: string };

/**
 * The prose and the answer of an operation; role, parameters and body come from the route's own
 * options. requestBody names the body's shape for readers when the route parses it with a transform
 * that has no JSON Schema (the article import, which takes text or an address).
 */
export type ApiDoc = { tag: string; summary: string; description?: string; success: Success; errors?: number[]; requestBody?: z.ZodType };

export type RouteSpec = { role: Access; params?: z.ZodType; query?: z.ZodType; body?: z.ZodType; doc?: ApiDoc };
export type ApiRoute = { method: Method; path: string; spec: RouteSpec };

// Shapes for success answers that are not (yet) zod schemas.
export const anyObject = { type: "object" } as const;
export const list = (item: JsonSchema = anyObject) => ({
  type: "object",
  properties: { items: { type: "array", items: item }, nextCursor: { type: ["string", "null"] } },
  required: ["items"],
});

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Every method a route module exports through the wrapper, with its declaration. */
export function routesOf(path: string, mod: Record<string, unknown>): ApiRoute[] {
  const out: ApiRoute[] = [];
  for (const m of METHODS) {
    const spec = (mod[m] as { spec?: RouteSpec } | undefined)?.spec;
    if (spec) out.push({ method: m.toLowerCase() as Method, path, spec });
  }
  return out;
}
