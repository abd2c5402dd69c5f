import { z } from "zod";
import { ERRORS, ERROR_CODES } from "../http/errors";
import { anyObject, type ApiDoc, type ApiRoute, type JsonSchema } from "./spec";

// The OpenAPI 3.1 description of /api/v1, built from what each route handler declares to the wrapper
// in lib/http/route.ts (its role, the zod schemas it parses with, and its `doc`): zod 4's
// toJSONSchema, input side (what a client sends). app/api/v1/registry.ts lists the route modules; a
// test (app/api/v1/registry.test.ts) fails when a route on disk is missing there or undocumented.

export const errorBodySchema = z
  .object({
    error: z.enum(ERROR_CODES).describe("A stable code; the HTTP status follows from it."),
    message: z.string().describe("A sentence for people."),
    issues: z
      .array(z.object({ code: z.string(), path: z.array(z.union([z.string(), z.number()])), message: z.string() }).loose())
      .optional()
      .describe("zod issues, for 400 bad_request."),
  })
  .loose();

function jsonSchema(s: z.ZodType | JsonSchema): JsonSchema {
  if (!(s instanceof z.ZodType)) return s;
  const { $schema: _drop, ...rest } = z.toJSONSchema(s, { io: "input", unrepresentable: "any" }) as JsonSchema;
  return rest;
}

function parameters({ spec }: ApiRoute) {
  const out: JsonSchema[] = [];
  for (const [where, schema] of [
    ["path", spec.params],
    ["query", spec.query],
  ] as const) {
    if (!schema) continue;
    const js = jsonSchema(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, prop] of Object.entries(js.properties ?? {})) {
      out.push({ name, in: where, required: where === "path" || (js.required ?? []).includes(name), schema: prop });
    }
  }
  return out;
}

// A status's description names the codes that answer with it, from the one table in lib/http.
function errorText(status: number): string {
  return ERROR_CODES.filter((c) => ERRORS[c].status === status)
    .map((c) => `${c}: ${ERRORS[c].meaning}`)
    .join(" ");
}

function responses({ method, spec }: ApiRoute, doc: ApiDoc) {
  const codes = new Set<number>(doc.errors ?? []);
  if (spec.params || spec.query || spec.body) codes.add(400);
  if (spec.params) codes.add(404);
  if (spec.body) codes.add(413);
  if (spec.role !== "public") {
    codes.add(401);
    if (spec.role === "ADMIN" || method !== "get") codes.add(403);
  }
  const out: Record<string, JsonSchema> = {
    [doc.success.status]: {
      description: doc.success.description,
      content: { [doc.success.contentType ?? "application/json"]: { schema: doc.success.schema ? jsonSchema(doc.success.schema) : anyObject } },
    },
  };
  for (const c of [...codes].sort())
    out[c] = { description: errorText(c), content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
  return out;
}

function operation(r: ApiRoute) {
  const { method, path, spec } = r;
  const doc = spec.doc;
  if (!doc) throw new Error(`${method.toUpperCase()} ${path} declares no doc for the API reference.`);
  const role = spec.role === "public" ? "Public." : spec.role === "ADMIN" ? "Admins only." : "Any signed-in user (reviewer or admin).";
  return {
    operationId: `${method}${path
      .replace(/^\/api\/v1/, "")
      .replace(/[{}]/g, "")
      .replace(/[^a-zA-Z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? "").toUpperCase())}`,
    tags: [doc.tag],
    summary: doc.summary,
    description: [role, doc.description].filter(Boolean).join(" "),
    parameters: parameters(r),
    ...(spec.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(spec.doc?.requestBody ?? spec.body) } } } } : {}),
    responses: responses(r, doc),
    security: spec.role === "public" ? [] : [{ bearerAuth: [] }, { sessionCookie: [] }],
  };
}

export function openApiDocument(routes: ApiRoute[], opts: { serverUrl?: string } = {}) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) (paths[r.path] ??= {})[r.method] = operation(r);
  return {
    openapi: "3.1.0",
    info: {
      title: "Triangulate API",
      version: "1",
      description:
        "The fact-check review desk's JSON API. Send an API token as `Authorization: Bearer tri_…` (create one at /admin/tokens or with POST /api/v1/tokens). Every error answers {error, message, issues?}.",
    },
    ...(opts.serverUrl ? { servers: [{ url: opts.serverUrl }] } : {}),
    tags: [...new Set(routes.map((r) => r.spec.doc?.tag).filter((t): t is string => !!t))].map((name) => ({ name })),
    paths,
    components: {
      schemas: { Error: jsonSchema(errorBodySchema) },
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "An API token (tri_…)." },
        sessionCookie: { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "The browser session after signing in." },
      },
    },
  };
}
export type OpenApiDocument = ReturnType<typeof openApiDocument>;
