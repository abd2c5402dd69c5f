// `npm run bench:match -- [--sizes 1000,10000,100000] [--sample 50] [--outlets 40] [--load sql|rows] [--explain]`
// Grows a synthetic corpus to each size, bulk-loaded as already matched (eval/bench/background.ts:
// articles, claims and links in bulk inside Postgres; `--load rows` is the earlier row-by-row load
// without links), then imports and matches the same `sample` new articles about events of the first
// thousand through the real path (importArticle + matchArticle), removes them again, and reports
// throughput, cost per article against the first size, suggestion latency, memory and how many
// planted contradictions were found. --explain prints the candidate query's plan and the rows each
// claim's terms match, for the last sample article at each size.
//
// With --workers N, at each size it also imports `sample` more articles and matches them through
// the job queue with one and with N `npm run worker` processes (eval/bench/workers.ts).
//
// `npm run bench:match -- --real FILE [--articles 300] [--outlets 20] [--threshold 0.32] [--explain]`
// Imports real article bodies (a CSV such as FNC-1's bodies.csv) spread over outlets, each split
// into claims by the product's own extraction, then matches them in import order, each against
// every article matched before it, as a desk that receives them one by one would. --threshold sets
// the desk's check-worthiness threshold first (lower keeps more sentences as claims).
//
// Both print where matching time goes, each part beside a floor measured in the same run
// (eval/bench/measure.ts).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbedded } from "../../lib/db/embedded";
import { migrate } from "../../lib/db/migrate";
import { createPrisma, type Db } from "../../lib/db/client";
import { importArticle } from "../../lib/articles/mutations";
import { Prisma } from "../../lib/db/generated/client";
import { candidatesQuery, claimTerms, commonLexemes } from "../../lib/match/candidates";
import { article, outlets } from "./corpus";
import { bulkLoadRows, bulkLoadSql } from "./background";
import { FIGURES_HEADER, figuresRow, matchMeasured, type ArticleFigures } from "./measure";
import { benchReal } from "./real";
import { cliArgs } from "../../lib/cli/args";
import { workerRuns, printRuns } from "./workers";

const usage = "npm run bench:match -- [--sizes 1000,10000,100000] [--sample 50] [--outlets 40] [--load sql|rows] [--workers N] [--explain] | --real FILE [--articles 300] [--outlets 20] [--threshold 0.32] [--explain]";
const { values } = cliArgs(
  { sizes: { type: "string" }, sample: { type: "string" }, outlets: { type: "string" }, real: { type: "string" }, articles: { type: "string" }, threshold: { type: "string" }, explain: { type: "boolean" }, workers: { type: "string" }, load: { type: "string" } },
  usage,
);
const sizes = (values.sizes ?? "1000,10000,100000").split(",").map(Number);
const sample = Number(values.sample ?? 50);
const K = Number(values.outlets ?? (values.real ? 20 : 40));
const articles = Number(values.articles ?? 300);
const workers = values.workers === undefined ? 0 : Number(values.workers);
const threshold = values.threshold === undefined ? undefined : Number(values.threshold);
if (threshold !== undefined && !(threshold >= 0 && threshold <= 1)) {
  console.error(`threshold is a number between 0 and 1\nusage: ${usage}`);
  process.exit(2);
}
const load = values.load ?? "sql";
if (load !== "sql" && load !== "rows") {
  console.error(`load is sql or rows\nusage: ${usage}`);
  process.exit(2);
}
if ([...sizes, sample, K, articles].some((n) => !Number.isInteger(n) || n <= 0) || !Number.isInteger(workers) || workers < 0) {
  console.error(`sizes, sample, outlets, articles and workers are positive integers\nusage: ${usage}`);
  process.exit(2);
}

// The sample is the same at every size: new articles about events of the first thousand articles,
// which every size holds, so that the costs of the sizes compare the corpus and nothing else.
const firstEvents = Math.min(1000, ...sizes);
const sampleArticle = (j: number, offset: number, stride: number) =>
  article(offset + j, { outlets: K, event: Math.floor(((j * stride) % firstEvents) / 10) });

async function measure(db: Db) {
  const figures: ArticleFigures[] = [];
  const ids: string[] = [];
  let planted = 0;
  let found = 0;
  const t0 = performance.now();
  for (let j = 0; j < sample; j++) {
    const a = sampleArticle(j, 50_000_000, 7919);
    const imported = await importArticle(db, null, { outlet: a.outlet, text: a.text, publishedAt: a.publishedAt.toISOString() });
    ids.push(imported.articleId);
    figures.push(await matchMeasured(db, imported.articleId));
    if (a.planted === "contradiction") {
      planted++;
      const n = await db.claimLink.count({ where: { relation: "CONTRADICTS", fromClaim: { articleId: imported.articleId, text: { contains: "killed" } } } })
        + await db.claimLink.count({ where: { relation: "CONTRADICTS", fromClaim: { articleId: imported.articleId, text: { contains: "died" } } } });
      if (n > 0) found++;
    }
  }
  const total = (performance.now() - t0) / 1000;
  // Retrieval and scoring run once more beside matching to be timed alone: not part of the rate.
  const extra = figures.reduce((t, f) => t + f.retrievalMs + f.selectFloorMs + f.scoreMs + f.tokenFloorMs, 0) / 1000;
  if (values.explain) await explainSynthetic(db, ids[ids.length - 1]);
  // Gone again (their claims and links with them), so the next size matches the same sample.
  await db.article.deleteMany({ where: { id: { in: ids } } });
  return { perSec: sample / (total - extra), figures, planted, found };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tri-bench-"));
const pg = await startEmbedded(dir);
const db = createPrisma(pg.url());
try {
  await migrate(pg.url());
  if (values.real) await benchReal(db, { file: values.real, articles, outlets: K, threshold, explain: values.explain ?? false });
  else await benchSynthetic(db);
} finally {
  await db.$disconnect();
  await pg.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}

async function benchSynthetic(db: Db) {
  const outletIds = new Map<string, string>();
  for (const o of outlets(K)) outletIds.set(o.name, (await db.outlet.create({ data: o })).id);
  console.log(`data: synthetic corpus, ${K} outlets, ten articles an event, 5% planted contradictions, 5% wire copies; background ${load === "sql" ? "bulk-loaded in Postgres with links" : "loaded row by row, no links"}; the same ${sample} new articles at each size`);
  console.log(`load: ${os.loadavg().map((l) => l.toFixed(1)).join(" ")} (1, 5, 15 min) on ${os.cpus().length} cores`);
  console.log(`articles  claims    load s   ingest+match art/s   match ms/art (x first size)   contradictions found   rss MB   load avg || matching: ${FIGURES_HEADER}`);
  let loaded = 0;
  let first: number | undefined;
  for (const size of sizes) {
    const t = performance.now();
    await (load === "sql" ? bulkLoadSql : bulkLoadRows)(db, loaded, size, outletIds, K);
    loaded = size;
    await db.$executeRaw`VACUUM ANALYZE "Claim"`;
    await db.$executeRaw`VACUUM ANALYZE "Article"`;
    await db.$executeRaw`VACUUM ANALYZE "ClaimLink"`;
    const loadS = (performance.now() - t) / 1000;
    const claims = await db.claim.count();
    if (workers) await workersAt(db, size);
    const m = await measure(db);
    const perArticle = m.figures.reduce((s, f) => s + f.matchMs, 0) / m.figures.length;
    first ??= perArticle;
    const rss = process.memoryUsage().rss / 2 ** 20;
    console.log(
      `${String(size).padStart(8)}  ${String(claims).padStart(8)}  ${loadS.toFixed(0).padStart(6)}   ${m.perSec.toFixed(1).padStart(18)}   ${`${perArticle.toFixed(0)} (${(perArticle / first).toFixed(2)}x)`.padStart(27)}   ${`${m.found}/${m.planted}`.padStart(20)}   ${rss.toFixed(0).padStart(6)}   ${os.loadavg()[0].toFixed(1).padStart(8)} || ${figuresRow(m.figures)}`,
    );
  }
}

// Imports `sample` further articles about existing events (timed: ingest), matches them with one
// worker process and with --workers processes through the job queue, then removes them.
async function workersAt(db: Db, size: number) {
  const ids: string[] = [];
  const t = performance.now();
  for (let j = 0; j < sample; j++) {
    const a = sampleArticle(j, 60_000_000, 7907);
    ids.push((await importArticle(db, null, { outlet: a.outlet, text: a.text, publishedAt: a.publishedAt.toISOString() })).articleId);
  }
  const ingest = sample / ((performance.now() - t) / 1000);
  console.log(`at ${size} articles, ${sample} new articles: ingest ${ingest.toFixed(1)} art/s (one process, clean + extract + store); matching through the job queue (load ${os.loadavg()[0].toFixed(1)}):`);
  printRuns(await workerRuns(db, pg.url(), ids, workers), ingest);
  console.log(`  (load after: ${os.loadavg()[0].toFixed(1)})`);
  await db.article.deleteMany({ where: { id: { in: ids } } });
}

// The candidate query's plan for one article, and how many claims each of its claims' queries
// matches before the shortlist: the rows retrieval reads grow with these counts.
async function explainSynthetic(db: Db, articleId: string) {
  const a = await db.article.findUniqueOrThrow({ where: { id: articleId }, select: { id: true, outletId: true, seq: true, claims: { select: { id: true, text: true, context: true }, orderBy: { start: "asc" } } } });
  const common = await commonLexemes(db);
  const plan = await db.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN (ANALYZE, BUFFERS) ${candidatesQuery(a, claimTerms(a.claims), common)}`);
  console.log(`\n-- candidates of the last sample article\n${plan.map((r) => r["QUERY PLAN"]).join("\n")}`);
  console.log("rows each claim's terms match (GIN bitmap heap scan, before the shortlist), ms in the database, claim:");
  for (const c of a.claims) {
    const lines = (await db.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN (ANALYZE) ${candidatesQuery({ ...a, claims: [c] }, claimTerms([c]), common)}`)).map((r) => r["QUERY PLAN"]);
    const heap = lines.find((l) => l.includes('Bitmap Heap Scan on "Claim"'))?.match(/actual time=[\d.]+\.\.[\d.]+ rows=(\d+)/)?.[1] ?? "0";
    const ms = lines.find((l) => l.startsWith("Execution Time"))?.match(/[\d.]+/)?.[0];
    console.log(`${heap.padStart(8)}  ${ms?.padStart(8)}  ${c.text.slice(0, 100)}`);
  }
}
