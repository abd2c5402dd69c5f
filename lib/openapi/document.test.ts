import fs from "node:fs";
import path from "node:path";
import { describe, it, expect } from "vitest";
import { openApiDocument, OPERATIONS } from "./document";

const API_DIR = path.resolve(__dirname, "../../app/api/v1");
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
        const methods = METHODS.filter((m) => new RegExp(`export\\s+(?:const|async\\s+function|function)\\s+${m}\\b`).test(src) || new RegExp(`export\\s*\\{[^}]*\\b${m}\\b[^}]*\\}`).test(src));
        const rel = path.relative(API_DIR, dir).split(path.sep).filter(Boolean).map((s) => s.replace(/^\[(.+)\]$/, "{$1}"));
        out.push({ path: ["/api/v1", ...rel].join("/"), methods });
      }
    }
  };
  walk(API_DIR);
  return out;
}

describe("the OpenAPI document", () => {
  const doc = openApiDocument();

  it("documents every method of every route under app/api/v1", () => {
    const routes = routesOnDisk();
    expect(routes.length).toBeGreaterThan(10);
    const missing: string[] = [];
    for (const r of routes) {
      expect(r.methods.length, `${r.path} exports no HTTP method`).toBeGreaterThan(0);
      for (const m of r.methods) if (!(doc.paths[r.path] as Record<string, unknown> | undefined)?.[m.toLowerCase()]) missing.push(`${m} ${r.path}`);
    }
    expect(missing, "undocumented routes: add them to OPERATIONS in lib/openapi/document.ts").toEqual([]);
  });

  it("documents nothing that is not on disk", () => {
    const onDisk = new Set(routesOnDisk().flatMap((r) => r.methods.map((m) => `${m.toLowerCase()} ${r.path}`)));
    expect(OPERATIONS.map((o) => `${o.method} ${o.path}`).filter((k) => !onDisk.has(k))).toEqual([]);
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
