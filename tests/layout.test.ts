// lib/ holds only what ships (CONTRIBUTING.md): every module in it must be reachable from what
// production runs (pages, route handlers, the proxy, and the CLI commands package.json runs from
// lib/cli). Evaluation, fitting, benchmarks and test scaffolding live in eval/ and tests/.
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";

const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "*.ts", "*.tsx"], { encoding: "utf8" })
  .trim()
  .split("\n")
  .filter((f) => f && !f.includes("/generated/") && fs.existsSync(f));
const known = new Set(files);
const isTest = (f: string) => /\.test\.tsx?$/.test(f);

function resolveImport(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = spec.slice(2);
  else if (spec.startsWith(".")) base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  else return null;
  for (const ext of ["", ".ts", ".tsx", "/index.ts"]) if (known.has(base + ext)) return base + ext;
  return null;
}

function imports(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  const found: string[] = [];
  for (const m of text.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)) {
    const target = resolveImport(file, m[1]);
    if (target) found.push(target);
  }
  return found;
}

function productionEntries(): string[] {
  const scripts = JSON.parse(fs.readFileSync("package.json", "utf8")).scripts as Record<string, string>;
  const cli = Object.values(scripts).flatMap((s) => [...s.matchAll(/\blib\/cli\/[\w-]+\.ts\b/g)].map((m) => m[0]));
  const app = files.filter((f) => f.startsWith("app/") && !isTest(f));
  return [...new Set([...cli, ...app, "proxy.ts"])];
}

function reachable(entries: string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...entries];
  while (stack.length) {
    const f = stack.pop()!;
    if (seen.has(f) || !known.has(f)) continue;
    seen.add(f);
    stack.push(...imports(f));
  }
  return seen;
}

describe("the layout", () => {
  it("finds the production entries (so an empty graph cannot pass)", () => {
    const entries = productionEntries();
    expect(entries).toContain("lib/cli/start.ts");
    expect(entries).toContain("lib/cli/worker.ts");
    expect(reachable(entries).has("lib/match/pair/model.ts")).toBe(true);
  });

  it("keeps in lib/ only modules that the app or its production CLI runs", () => {
    const live = reachable(productionEntries());
    const stray = files.filter((f) => f.startsWith("lib/") && !isTest(f) && !live.has(f));
    expect(stray, "move evaluation code to eval/ and test scaffolding to tests/").toEqual([]);
  });

  it("no npm script runs evaluation or test code from lib/", () => {
    const scripts = JSON.parse(fs.readFileSync("package.json", "utf8")).scripts as Record<string, string>;
    const fromLib = Object.entries(scripts).filter(([name, s]) => /^(eval|fit|bench|test|scan)/.test(name) && /\blib\//.test(s));
    expect(fromLib).toEqual([]);
  });
});
