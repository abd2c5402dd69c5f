import { reloadEnv } from "@/lib/env";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { apiRequest, ctx } from "@/tests/factories";
import { GET } from "./route";

describe("GET /api/bench-floor", () => {
  const saved = process.env.BENCH_FLOOR_BODY;
  afterEach(() => {
    if (saved === undefined) delete process.env.BENCH_FLOOR_BODY;
    else process.env.BENCH_FLOOR_BODY = saved;
    reloadEnv();
  });

  it("is a 404 on a server not started by the benchmark", async () => {
    delete process.env.BENCH_FLOOR_BODY;
    reloadEnv();
    const res = await GET(apiRequest("/api/bench-floor"), ctx());
    expect(res.status).toBe(404);
    expect((await res.json()).error).toBe("not_found");
  });

  it("is a 404 when the named body file does not exist", async () => {
    process.env.BENCH_FLOOR_BODY = path.join(os.tmpdir(), "no-such-bench-floor.json");
    reloadEnv();
    expect((await GET(apiRequest("/api/bench-floor"), ctx())).status).toBe(404);
  });

  it("answers the benchmark's body byte for byte when started with BENCH_FLOOR_BODY", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "floor-")), "body.json");
    const body = JSON.stringify({ claim: { id: "x", text: "Ünïcode “quoted”" }, suggestions: [] });
    fs.writeFileSync(file, body);
    process.env.BENCH_FLOOR_BODY = file;
    reloadEnv();
    const res = await GET(apiRequest("/api/bench-floor"), ctx());
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(await res.text()).toBe(body);
  });
});
