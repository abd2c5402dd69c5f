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
import { ensureDatabase, startEmbedded } from "../../lib/db/embedded";
import { migrate } from "../../lib/db/migrate";
import { createPrisma, type Db } from "../../lib/db/client";
import { closeSqlPools } from "../../lib/db/sql";
import { importArticle } from "../../lib/articles/mutations";
import { Prisma } from "../../lib/db/generated/client";
import { candidatesQuery, claimTerms, commonLexemes } from "../../lib/match/candidates";
import { article, outlets } from "./corpus";
import { bulkLoadRows, bulkLoadSql } from "./background";
import { FIGURES_HEADER, figuresRow, matchMeasured, type ArticleFigures } from "./measure";
import { benchReal } from "./real";
import { cliArgs } from "../../lib/cli/args";
import { workerRuns, printRuns } from "./workers";

const usage =
  "npm run bench:match -- [--sizes 1000,10000,100000] [--sample 50] [--outlets 40] [--load sql|rows] [--workers N] [--explain] | --real FILE [--articles 300] [--outlets 20] [--threshold 0.32] [--explain]";
const { values } = cliArgs(
  {
    sizes: { type: "string" },
    sample: { type: "string" },
    outlets: { type: "string" },
    real: { type: "string" },
    articles: { type: "string" },
    threshold: { type: "string" },
    explain: { type: "boolean" },
    workers: { type: "string" },
    load: { type: "string" },
  },
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
const sampleArticle = (j: number, offset: number, stride: number) => article(offset + j, { outlets: K, event: Math.floor(((j * stride) % firstEvents) / 10) });

type Desk = {
  size: number;
  db: Db;
  url: string;
  claims: number;
  loadS: number;
  figures: ArticleFigures[];
  ids: string[];
  planted: number;
  found: number;
  seconds: number;
};

// One sample article imported and matched on one desk, timed (ingest + match) and measured.
async function importAndMatch(desk: Desk, a: ReturnType<typeof article>) {
  const t = performance.now();
  const imported = await importArticle(desk.db, null, toInput(a));
  desk.ids.push(imported.articleId);
  const f = await matchMeasured(desk.db, imported.articleId);
  desk.figures.push(f);
  // Retrieval and scoring run once more beside matching to be timed alone: not part of the rate.
  desk.seconds += (performance.now() - t - f.retrievalMs - f.selectFloorMs - f.scoreMs - f.tokenFloorMs) / 1000;
  if (a.planted === "contradiction") {
    desk.planted++;
    const n = await desk.db.claimLink.count({
      where: { relation: "CONTRADICTS", fromClaim: { articleId: imported.articleId, OR: [{ text: { contains: "killed" } }, { text: { contains: "died" } }] } },
    });
    if (n > 0) desk.found++;
  }
}

// The same sample on every desk, article by article in turn, so that the machine's load (shared,
// changing) falls alike on every size. A few articles about other events go first, untimed: the
// pair model's loading and the first queries are nobody's cost.
async function measure(desks: Desk[]) {
  for (const d of desks) {
    const warm: string[] = [];
    for (let j = 0; j < 3; j++) warm.push((await importArticle(d.db, null, toInput(sampleArticle(j, 40_000_000, 4919)))).articleId);
    for (const id of warm) await matchMeasured(d.db, id);
    await d.db.article.deleteMany({ where: { id: { in: warm } } });
  }
  for (let j = 0; j < sample; j++) for (const d of desks) await importAndMatch(d, sampleArticle(j, 50_000_000, 7919));
  for (const d of desks) {
    if (values.explain) await explainSynthetic(d.db, d.ids[d.ids.length - 1]);
    await d.db.article.deleteMany({ where: { id: { in: d.ids } } });
  }
}
const toInput = (a: ReturnType<typeof article>) => ({ outlet: a.outlet, text: a.text, publishedAt: a.publishedAt.toISOString() });

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tri-bench-"));
const pg = await startEmbedded(dir);
const db = createPrisma(pg.url());
try {
  await migrate(pg.url());
  if (values.real) await benchReal(db, { file: values.real, articles, outlets: K, threshold, explain: values.explain ?? false });
  else await benchSynthetic();
} finally {
  await Promise.all([db.$disconnect(), closeSqlPools()]);
  await pg.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}

// One database per size in the same cluster, each bulk-loaded from empty (the background corpus
// of a size is the first `size` articles of the generator, so each desk holds the smaller ones).
async function benchSynthetic() {
  console.log(
    `data: synthetic corpus, ${K} outlets, ten articles an event, 5% planted contradictions, 5% wire copies; background ${load === "sql" ? "bulk-loaded in Postgres with links" : "loaded row by row, no links"}; the same ${sample} new articles on every desk, in turn`,
  );
  console.log(
    `load: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")} (1, 5, 15 min) on ${os.cpus().length} cores`,
  );
  const desks: Desk[] = [];
  try {
    for (const size of sizes) {
      const t = performance.now();
      const url = pg.url(`bench_${size}`);
      await ensureDatabase(pg.url("postgres"), `bench_${size}`);
      await migrate(url);
      const db = createPrisma(url);
      desks.push({ size, db, url, claims: 0, loadS: 0, figures: [], ids: [], planted: 0, found: 0, seconds: 0 });
      const outletIds = new Map<string, string>();
      for (const o of outlets(K)) outletIds.set(o.name, (await db.outlet.create({ data: o })).id);
      await (load === "sql" ? bulkLoadSql : bulkLoadRows)(db, 0, size, outletIds, K);
      await db.$executeRaw`VACUUM ANALYZE "Claim", "Article", "ClaimLink"`;
      desks.at(-1)!.loadS = (performance.now() - t) / 1000;
      desks.at(-1)!.claims = await db.claim.count();
      console.log(`loaded ${size} articles, ${desks.at(-1)!.claims} claims in ${desks.at(-1)!.loadS.toFixed(0)} s (load ${os.loadavg()[0].toFixed(1)})`);
      if (workers) await workersAt(db, url, size);
    }
    const before = os.loadavg()[0];
    await measure(desks);
    console.log(
      `load average ${before.toFixed(1)} before matching the samples, ${os.loadavg()[0].toFixed(1)} after; rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`,
    );
    console.log(`articles  claims    load s   ingest+match art/s   match ms/art (x ${sizes[0]})   contradictions found || matching: ${FIGURES_HEADER}`);
    const perArticle = (d: Desk) => d.figures.reduce((s, f) => s + f.matchMs, 0) / d.figures.length;
    for (const d of desks) {
      console.log(
        `${String(d.size).padStart(8)}  ${String(d.claims).padStart(8)}  ${d.loadS.toFixed(0).padStart(6)}   ${(sample / d.seconds).toFixed(1).padStart(18)}   ${`${perArticle(d).toFixed(0)} (${(perArticle(d) / perArticle(desks[0])).toFixed(2)}x)`.padStart(24)}   ${`${d.found}/${d.planted}`.padStart(20)} || ${figuresRow(d.figures)}`,
      );
    }
  } finally {
    for (const d of desks) await d.db.$disconnect();
  }
}

// Imports `sample` further articles about existing events (timed: ingest), matches them with one
// worker process and with --workers processes through the job queue, then removes them.
async function workersAt(db: Db, url: string, size: number) {
  const ids: string[] = [];
  const t = performance.now();
  for (let j = 0; j < sample; j++) {
    const a = sampleArticle(j, 60_000_000, 7907);
    ids.push((await importArticle(db, null, { outlet: a.outlet, text: a.text, publishedAt: a.publishedAt.toISOString() })).articleId);
  }
  const ingest = sample / ((performance.now() - t) / 1000);
  console.log(
    `at ${size} articles, ${sample} new articles: ingest ${ingest.toFixed(1)} art/s (one process, clean + extract + store); matching through the job queue (load ${os.loadavg()[0].toFixed(1)}):`,
  );
  // The database server's CPU time is read from its postmaster and backends (their CPU is the
  // other half of matching's cost); the pid is the first line of postmaster.pid.
  const postmaster = Number(fs.readFileSync(path.join(dir, "pg", "postmaster.pid"), "utf8").split("\n")[0]);
  printRuns(await workerRuns(db, url, ids, workers, postmaster), ingest);
  console.log(`  (load after: ${os.loadavg()[0].toFixed(1)})`);
  await db.article.deleteMany({ where: { id: { in: ids } } });
}

// The candidate query's plan for one article, and how many claims each of its claims' queries
// matches before the shortlist: the rows retrieval reads grow with these counts.
async function explainSynthetic(db: Db, articleId: string) {
  const a = await db.article.findUniqueOrThrow({
    where: { id: articleId },
    select: { id: true, outletId: true, seq: true, claims: { select: { id: true, text: true, context: true }, orderBy: { start: "asc" } } },
  });
  const common = await commonLexemes(db);
  const plan = await db.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN (ANALYZE, BUFFERS) ${candidatesQuery(a, claimTerms(a.claims), common)}`);
  console.log(`\n-- candidates of the last sample article\n${plan.map((r) => r["QUERY PLAN"]).join("\n")}`);
  // Alone, a claim of common words only has no story to be compared with (docs/decisions/031).
  console.log("each claim's query alone: rows its terms match (GIN bitmap heap scan, before the shortlist), ms in the database, claim:");
  for (const c of a.claims) {
    const lines = (
      await db.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN (ANALYZE) ${candidatesQuery({ ...a, claims: [c] }, claimTerms([c]), common)}`)
    ).map((r) => r["QUERY PLAN"]);
    const heap = lines.find((l) => l.includes('Bitmap Heap Scan on "Claim"'))?.match(/actual time=[\d.]+\.\.[\d.]+ rows=(\d+)/)?.[1] ?? "0";
    const ms = lines.find((l) => l.startsWith("Execution Time"))?.match(/[\d.]+/)?.[0];
    console.log(`${heap.padStart(8)}  ${ms?.padStart(8)}  ${c.text.slice(0, 100)}`);
  }
}
