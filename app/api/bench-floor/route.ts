import { env } from "@/lib/env";
import fs from "node:fs";
import { route } from "@/lib/http/route";
import { HttpError } from "@/lib/http/errors";

export const dynamic = "force-dynamic";

// The floor of `npm run bench:api`: a route that does nothing but answer a fixed JSON body (the
// bytes the claim API answered, written to a file by the benchmark). It exists only when the
// server is started with BENCH_FLOOR_BODY naming that file; on every other server it is a 404.
let cached: { file: string; body: string } | null = null;

export const GET = route({ role: "public" }, async () => {
  const file = env().BENCH_FLOOR_BODY;
  if (!file || !fs.existsSync(file)) throw new HttpError("not_found", "Not found.");
  if (cached?.file !== file) cached = { file, body: fs.readFileSync(file, "utf8") };
  return new Response(cached.body, { headers: { "content-type": "application/json" } });
});
