import path from "node:path";
import type { Env } from "../env";

/**
 * The arguments that start the Next server as `npm start` runs it (and `npm run bench:api`
 * measures it): a production server gets a bounded heap, so V8 collects before the process
 * grows past its memory budget (docs/decisions/033). `next dev` compiles pages in the same
 * process and keeps V8's own limit.
 */
export function nextServerArgs(mode: "start" | "dev", port: string | number, config: Pick<Env, "SERVER_HEAP_MB">): string[] {
  const heap = mode === "start" ? [`--max-old-space-size=${config.SERVER_HEAP_MB}`] : [];
  return [...heap, path.resolve("node_modules/next/dist/bin/next"), mode, "-p", String(port)];
}
