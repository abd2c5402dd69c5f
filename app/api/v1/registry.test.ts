import fs from "node:fs";
import path from "node:path";
import { describe, it, expect } from "vitest";
import { z } from "zod";
import { API_MODULES, OPENAPI_ROUTE, apiDocument, apiRoutes } from "./registry";

const API_DIR = __dirname;
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

// Every route.ts under app/api/v1, as an OpenAPI path: [id] becomes {id}.
function routesOnDisk(): { path: string; methods: string[] }[] {
  const out: { path: string; methods: string[] }[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name === "route.ts") {
        const src = fs.readFileSync(full, "utf8");
        const methods = METHODS.filter(
          (m) =>
            new RegExp(`export\\s+(?:const|async\\s+function|function)\\s+${m}\\b`).test(src) || new RegExp(`export\\s*\\{[^}]*\\b${m}\\b[^}]*\\}`).test(src),
        );
        const rel = path
          .relative(API_DIR, dir)
          .split(path.sep)
          .filter(Boolean)
          .map((s) => s.replace(/^\[(.+)\]$/, "{$1}"));
        out.push({ path: ["/api/v1", ...rel].join("/"), methods });
      }
    }
  };
  walk(API_DIR);
  return out;
}

describe("the OpenAPI document", () => {
  const doc = apiDocument();

  it("lists every route module on disk under its own path, and nothing else", async () => {
    const onDisk = routesOnDisk()
      .map((r) => r.path)
      .filter((p) => p !== "/api/v1/openapi.json")
      .sort();
    expect(API_MODULES.map(([p]) => p).sort()).toEqual(onDisk);
    // The document's own route uses the declaration the registry holds for it.
    const { GET } = await import("./openapi.json/route");
    expect(GET.spec).toMatchObject(OPENAPI_ROUTE);
    // The module registered under a path is the one in that path's folder.
    for (const [p, mod] of API_MODULES) {
      const dir = p.replace(/^\/api\/v1/, "").replace(/\{(\w+)\}/g, "[$1]");
      expect(await import(path.join(API_DIR, dir, "route.ts")), p).toBe(mod);
    }
  });

  it("takes each operation's role and schemas from the route's own declaration", async () => {
    const verdict = (doc.paths["/api/v1/claims/{id}/verdict"] as Record<string, any>).post;
    const { POST } = await import("./claims/[id]/verdict/route");
    expect(POST.spec.role).toBe("REVIEWER");
    const { $schema: _s, ...body } = z.toJSONSchema(POST.spec.body!, { io: "input", unrepresentable: "any" });
    expect(verdict.requestBody.content["application/json"].schema).toEqual(body);
    for (const r of apiRoutes()) {
      const op = (doc.paths[r.path] as Record<string, any>)[r.method];
      expect(op.security.length === 0, `${r.method} ${r.path}`).toBe(r.spec.role === "public");
      expect(!!op.requestBody, `${r.method} ${r.path}`).toBe(!!r.spec.body);
      expect(
        op.description.startsWith(r.spec.role === "ADMIN" ? "Admins only." : r.spec.role === "public" ? "Public." : "Any signed-in"),
        `${r.method} ${r.path}`,
      ).toBe(true);
    }
  });

  it("documents every method of every route under app/api/v1", () => {
    const routes = routesOnDisk();
    expect(routes.length).toBeGreaterThan(10);
    const missing: string[] = [];
    for (const r of routes) {
      expect(r.methods.length, `${r.path} exports no HTTP method`).toBeGreaterThan(0);
      for (const m of r.methods) if (!(doc.paths[r.path] as Record<string, unknown> | undefined)?.[m.toLowerCase()]) missing.push(`${m} ${r.path}`);
    }
    expect(missing, "undocumented routes: add the module to app/api/v1/registry.ts and give route() a doc").toEqual([]);
  });

  it("is OpenAPI 3.1 with bearer security, the error shape and zod-generated bodies", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.components.schemas.Error).toMatchObject({ type: "object", required: expect.arrayContaining(["error", "message"]) });
    const post = (doc.paths["/api/v1/users"] as Record<string, any>).post;
    expect(post.requestBody.content["application/json"].schema).toMatchObject({ type: "object", required: expect.arrayContaining(["email", "name", "role"]) });
    expect(post.responses["401"].content["application/json"].schema.$ref).toBe("#/components/schemas/Error");
    expect(post.responses["403"]).toBeDefined();
    const claims = (doc.paths["/api/v1/claims"] as Record<string, any>).get;
    expect(claims.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(["status", "q", "limit", "cursor"]));
    const byId = (doc.paths["/api/v1/claims/{id}"] as Record<string, any>).get;
    expect(byId.parameters).toContainEqual(expect.objectContaining({ name: "id", in: "path", required: true }));
    expect((doc.paths["/api/v1/openapi.json"] as Record<string, any>).get.security).toEqual([]);
    expect(JSON.stringify(doc)).not.toContain("$schema");
  });

  it("gives every operation a unique operationId", () => {
    const ids = Object.values(doc.paths).flatMap((p) => Object.values(p as Record<string, { operationId: string }>).map((o) => o.operationId));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
