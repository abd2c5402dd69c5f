// `npm run bench:api -- [--claims 10000] [--seconds 10] [--connections 4] [--explain] [--no-csv]`
// Loads a generated desk of that many claims into DATA_DIR (default /tmp/triangulate-bench-api-N;
// kept, so a second run at the same size skips the load), starts the built app (next start, no
// worker) and measures with wrk, at 4 connections by default:
//   - the floor: a bare route answering the same JSON body as the claim API (app/api/bench-floor);
//   - GET /api/v1/claims/{id} with an API token; the claim page and the queue page with a session;
// then, in this process, the queue's reads at several filters (p50 of repeated calls), and the
// CSV export streamed over HTTP (time, rows, the server's peak RSS).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { encode } from "next-auth/jwt";
import { connectDatabase } from "../../lib/db/connect";
import { createPrisma, type Db } from "../../lib/db/client";
import { closeSqlPools } from "../../lib/db/sql";
import { parseEnv } from "../../lib/env";
import { prepareDatabase } from "../../lib/cli/prepare";
import { ensureAuthSecret } from "../../lib/db/secret";
import { hashPassword, generatePassword } from "../../lib/auth/password";
import { createApiToken } from "../../lib/auth/tokens";
import { deskSize, loadDesk, type DeskIds } from "./desk";
import { runLoad, type LoadFigures } from "./http-load";
import { ensureBuild, rssSampler, startServer, treeRssMb, waitReady } from "./server";
import { queueFigures, explainHot } from "./queue-figures";
import { cliArgs } from "../../lib/cli/args";

const usage =
  "npm run bench:api -- [--claims 10000] [--seconds 10] [--connections 4] [--explain] [--no-csv] [--profile DIR] [--serve] [--load-only] [--queue-only]";
const { values } = cliArgs(
  {
    claims: { type: "string" },
    seconds: { type: "string" },
    connections: { type: "string" },
    explain: { type: "boolean" },
    "no-csv": { type: "boolean" },
    profile: { type: "string" },
    serve: { type: "boolean" },
    "load-only": { type: "boolean" },
    "queue-only": { type: "boolean" },
  },
  usage,
);
const claims = Number((values.claims ?? "10000").replace(/_/g, "").replace(/m$/i, "000000").replace(/k$/i, "000"));
const seconds = Number(values.seconds ?? 10);
const connections = Number(values.connections ?? 4);
if (![claims, seconds, connections].every((n) => Number.isInteger(n) && n > 0)) {
  console.error(`claims, seconds and connections are positive integers\nusage: ${usage}`);
  process.exit(2);
}
process.env.DATA_DIR ||= path.join(os.tmpdir(), `triangulate-bench-api-${claims}`);
const port = Number(process.env.PORT ?? 3190);
const base = `http://127.0.0.1:${port}`;
const log = (m: string) => console.log(`[bench:api] ${m}`);

async function ensureUsers(db: Db): Promise<DeskIds> {
  const hash = await hashPassword(generatePassword());
  const upsert = (email: string, name: string, role: "ADMIN" | "REVIEWER") =>
    db.user.upsert({ where: { email }, create: { email, name, role, passwordHash: hash }, update: {}, select: { id: true } });
  const admin = await upsert("bench-admin@bench.local", "Bench Admin", "ADMIN");
  const reviewers = await Promise.all([1, 2, 3, 4, 5].map((i) => upsert(`bench-reviewer${i}@bench.local`, `Bench Reviewer ${i}`, "REVIEWER")));
  return { adminId: admin.id, reviewerIds: reviewers.map((r) => r.id) };
}

const fmt = (f: LoadFigures, floor: number) =>
  `${f.rps.toFixed(0).padStart(7)} req/s  p50 ${f.p50.toFixed(1).padStart(6)} ms  p99 ${f.p99.toFixed(1).padStart(6)} ms  ${(f.rps / floor).toFixed(2)}× floor${f.errors ? `  ${f.errors} ERRORS` : ""}`;

async function main() {
  const dir = process.env.DATA_DIR!;
  fs.mkdirSync(dir, { recursive: true });
  const secret = ensureAuthSecret({ embedded: !process.env.DATABASE_URL, dataDir: dir });
  const conn = await connectDatabase();
  await prepareDatabase(conn);
  const owner = createPrisma(conn.ownerUrl);
  const users = await ensureUsers(owner);
  const have = await deskSize(owner);
  if (have === null) {
    log(`Loading a generated desk of ${claims.toLocaleString("en")} claims into ${dir}`);
    await loadDesk(owner, claims, users, log);
  } else if (have !== claims) throw new Error(`${dir} holds a desk of ${have} claims; use another DATA_DIR for ${claims}`);
  else log(`Reusing the desk of ${claims.toLocaleString("en")} claims in ${dir}`);

  if (values["load-only"]) {
    await owner.$disconnect();
    await conn.embedded?.stop();
    return;
  }
  const db = createPrisma(conn.url);
  const reviewer = await db.user.findUniqueOrThrow({ where: { id: users.reviewerIds[0] } });
  if (values["queue-only"]) {
    console.log(`\nQueue reads in-process at ${claims.toLocaleString("en")} claims (p50 / p95 of 15 calls each):`);
    for (const line of await queueFigures(db, reviewer.id)) console.log(`  ${line}`);
    await Promise.all([db.$disconnect(), owner.$disconnect(), closeSqlPools()]);
    await conn.embedded?.stop();
    return;
  }
  const { token } = await createApiToken(db, reviewer.id, "bench");
  const cookie = `next-auth.session-token=${await encode({ token: { sub: reviewer.id, uid: reviewer.id, role: reviewer.role, authAt: Date.now(), name: reviewer.name, email: reviewer.email }, secret, maxAge: 12 * 3600 })}`;
  const sample = await db.$queryRaw<
    { id: string }[]
  >`SELECT id FROM "Claim" TABLESAMPLE SYSTEM (${Math.min(100, (100 * 2000) / claims)}::float8) WHERE "setAside" IS NULL LIMIT 300`;
  const ids = sample.map((r) => r.id);

  const floorFile = path.join(dir, "bench-floor.json");
  fs.rmSync(floorFile, { force: true });
  const env = { ...process.env, DATABASE_URL: conn.url, NEXTAUTH_SECRET: secret, NEXTAUTH_URL: base, BENCH_FLOOR_BODY: floorFile };
  ensureBuild(env, log);
  const server = startServer(port, env, values.profile);
  const rss = rssSampler(server.pid!);
  try {
    await waitReady(base);
    const answer = await fetch(`${base}/api/v1/claims/${ids[0]}`, { headers: { authorization: `Bearer ${token}` } });
    if (!answer.ok) throw new Error(`The claim API answered ${answer.status}`);
    const body = await answer.text();
    fs.writeFileSync(floorFile, body);
    if (values.serve) {
      // For looking into one request by hand: the server stays up until this process is stopped.
      fs.writeFileSync(path.join(dir, "bench-credentials.json"), JSON.stringify({ base, token, cookie, ids: ids.slice(0, 20) }));
      log(`Serving on ${base}; credentials in ${path.join(dir, "bench-credentials.json")}; Ctrl-C stops`);
      await new Promise((r) => process.once("SIGINT", r).once("SIGTERM", r));
      return;
    }
    const run = (paths: string[], headers: Record<string, string> = {}) => {
      const figures = runLoad(base, paths, headers, { connections, seconds, scratch: dir });
      rss.sample();
      return figures;
    };
    const html = { cookie, accept: "text/html" };

    log(`Measuring at ${connections} connections, ${seconds} s each after 3 s of warm-up (claim API body ${body.length} bytes)`);
    const floorBefore = run(["/api/bench-floor"]);
    const api = run(
      ids.map((id) => `/api/v1/claims/${id}`),
      { authorization: `Bearer ${token}` },
    );
    const claimPage = run(
      ids.map((id) => `/claims/${id}`),
      html,
    );
    const queuePage = run(["/queue"], html);
    // The framework's own page floor: the smallest page the app serves (layout, nav and a sign-in
    // form, no session and no query), so the pages' ratios can be read against what any page costs.
    const loginPage = run(["/login"], { accept: "text/html" });
    const floorAfter = run(["/api/bench-floor"]);
    const floor = (floorBefore.rps + floorAfter.rps) / 2;
    const servingPeak = rss.peak();

    console.log(
      `\nGenerated desk, ${claims.toLocaleString("en")} claims, ${connections} clients, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), server heap limit ${parseEnv(env).SERVER_HEAP_MB} MB (SERVER_HEAP_MB)`,
    );
    console.log(`floor (bare route, same body)  ${fmt(floorBefore, floor)}   (after: ${floorAfter.rps.toFixed(0)} req/s; mean ${floor.toFixed(0)})`);
    console.log(`GET /api/v1/claims/{id}        ${fmt(api, floor)}`);
    console.log(`claim page /claims/{id}        ${fmt(claimPage, floor)}`);
    console.log(`queue page /queue              ${fmt(queuePage, floor)}`);
    console.log(`login page /login, signed out  ${fmt(loginPage, floor)}`);
    console.log(`server RSS peak while serving: ${servingPeak.toFixed(0)} MB`);

    console.log(`\nQueue reads in-process at ${claims.toLocaleString("en")} claims (p50 / p95 of 15 calls each):`);
    for (const line of await queueFigures(db, reviewer.id)) console.log(`  ${line}`);

    if (!values["no-csv"]) {
      rss.reset();
      // The server's RSS at each quarter of the rows: flat memory means flat after the first batches.
      const marks: string[] = [`start ${treeRssMb(server.pid!).toFixed(0)}`];
      const t = performance.now();
      const res = await fetch(`${base}/api/v1/export/claims.csv`, { headers: { cookie } });
      if (!res.ok || !res.body) throw new Error(`The CSV export answered ${res.status}`);
      let bytes = 0;
      let rows = -1;
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        bytes += chunk.length;
        for (const b of chunk)
          if (b === 10 && ++rows > 0 && rows % Math.ceil(claims / 4) === 0) marks.push(`${(100 * rows) / claims}% ${treeRssMb(server.pid!).toFixed(0)}`);
      }
      const secs = (performance.now() - t) / 1000;
      console.log(
        `\nCSV export: ${rows.toLocaleString("en")} rows, ${(bytes / 1e6).toFixed(1)} MB in ${secs.toFixed(1)} s (${(rows / secs).toFixed(0)} rows/s); server RSS peak ${rss.peak().toFixed(0)} MB`,
      );
      console.log(`server RSS (MB) through the export: ${marks.join(", ")}`);
    }
    if (values.explain) await explainHot(db, ids[0], reviewer.id);
  } finally {
    rss.stop();
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
    await Promise.all([db.$disconnect(), owner.$disconnect(), closeSqlPools()]);
    await conn.embedded?.stop();
  }
}

main().catch((e) => {
  console.error(`[bench:api] ${(e as Error).stack ?? e}`);
  process.exit(1);
});
