// Load generation for `npm run bench:api`: wrk (apt-get install -y wrk) at a fixed number of
// connections, each request drawn in turn from a list of paths, with the figures read back from
// wrk's --latency report. wrk is C and event-driven, so the client costs the 2 cores little.
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";

export type LoadFigures = { rps: number; p50: number; p99: number; requests: number; errors: number };

function lua(paths: string[], headers: Record<string, string>): string {
  const list = paths.map((p) => JSON.stringify(p)).join(",\n");
  const hs = Object.entries(headers)
    .map(([k, v]) => `wrk.headers[${JSON.stringify(k)}] = ${JSON.stringify(v)}`)
    .join("\n");
  return `local paths = {\n${list}\n}\nlocal i = math.random(#paths)\n${hs}\nrequest = function()\n  i = i % #paths + 1\n  return wrk.format("GET", paths[i])\nend\n`;
}

function ms(v: string, unit: string): number {
  const n = Number(v);
  return unit === "us" ? n / 1000 : unit === "s" ? n * 1000 : unit === "m" ? n * 60_000 : n;
}

export function parseWrk(out: string): LoadFigures {
  const rps = Number(out.match(/Requests\/sec:\s+([\d.]+)/)?.[1] ?? NaN);
  const pct = (p: string) => {
    const m = out.match(new RegExp(`^\\s+${p}%\\s+([\\d.]+)(us|ms|s|m)\\s*$`, "m"));
    return m ? ms(m[1], m[2]) : NaN;
  };
  const requests = Number(out.match(/(\d+) requests in/)?.[1] ?? 0);
  const non2xx = Number(out.match(/Non-2xx or 3xx responses:\s+(\d+)/)?.[1] ?? 0);
  const sock = out.match(/Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/);
  const errors = non2xx + (sock ? sock.slice(1).reduce((s, x) => s + Number(x), 0) : 0);
  return { rps, p50: pct("50"), p99: pct("99"), requests, errors };
}

// One run: warm up for a few seconds (JIT, caches, pool), then measure.
export function runLoad(
  base: string,
  paths: string[],
  headers: Record<string, string>,
  opts: { connections: number; seconds: number; scratch: string; warmup?: number },
): LoadFigures {
  const script = path.join(opts.scratch, "bench-api.lua");
  fs.writeFileSync(script, lua(paths, headers));
  const wrk = (seconds: number) => {
    const r = spawnSync(
      "wrk",
      ["-t", String(Math.min(2, opts.connections)), "-c", String(opts.connections), "-d", `${seconds}s`, "--timeout", "10s", "--latency", "-s", script, base],
      { encoding: "utf8" },
    );
    if (r.error) throw new Error(`wrk did not run (${r.error.message}); install it with apt-get install -y wrk`);
    return r.stdout;
  };
  wrk(opts.warmup ?? 3);
  return parseWrk(wrk(opts.seconds));
}
