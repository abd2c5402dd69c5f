// `npm run bench:match -- [--sizes 1000,10000,100000] [--sample 50] [--outlets 40]`
// Grows a synthetic corpus to each size (bulk-loaded as already matched), then imports and matches
// `sample` new articles about existing events through the real path (importArticle + matchArticle)
// and reports throughput, suggestion latency, memory and how many planted contradictions were found.
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
import crypto from "node:crypto";
import { startEmbedded } from "../../lib/db/embedded";
import { migrate } from "../../lib/db/migrate";
import { createPrisma, type Db } from "../../lib/db/client";
import { importArticle } from "../../lib/articles/mutations";
import { article, outlets } from "./corpus";
import { FIGURES_HEADER, figuresRow, matchMeasured, type ArticleFigures } from "./measure";
import { benchReal } from "./real";
import { cliArgs } from "../../lib/cli/args";
import { workerRuns, printRuns } from "./workers";

const usage = "npm run bench:match -- [--sizes 1000,10000,100000] [--sample 50] [--outlets 40] [--workers N] | --real FILE [--articles 300] [--outlets 20] [--threshold 0.32] [--explain]";
const { values } = cliArgs(
  { sizes: { type: "string" }, sample: { type: "string" }, outlets: { type: "string" }, real: { type: "string" }, articles: { type: "string" }, threshold: { type: "string" }, explain: { type: "boolean" }, workers: { type: "string" } },
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
if ([...sizes, sample, K, articles].some((n) => !Number.isInteger(n) || n <= 0) || !Number.isInteger(workers) || workers < 0) {
  console.error(`sizes, sample, outlets, articles and workers are positive integers\nusage: ${usage}`);
  process.exit(2);
}

const hash = (t: string) => crypto.createHash("sha256").update(t).digest("hex");

async function bulkLoad(db: Db, from: number, to: number, outletIds: Map<string, string>) {
  const base = Date.UTC(2023, 0, 1);
  for (let lo = from; lo < to; lo += 500) {
    const batch = Array.from({ length: Math.min(500, to - lo) }, (_, k) => ({ i: lo + k, id: crypto.randomUUID(), a: article(lo + k, { outlets: K }) }));
    await db.article.createMany({
      data: batch.map(({ i, id, a }) => ({
        id, outletId: outletIds.get(a.outlet)!, rawText: a.text, text: a.text, contentHash: hash(a.text), publishedAt: a.publishedAt,
        wireCredit: a.wireCredit, matching: "DONE" as const, matchedAt: new Date(base + i * 1000),
      })),
    });
    await db.claim.createMany({
      data: batch.flatMap(({ id, a }) => a.claims.map((c) => ({ articleId: id, text: c.text, start: c.start, end: c.end, checkworthiness: 0.5 }))),
    });
  }
}

async function measure(db: Db, size: number) {
  const figures: ArticleFigures[] = [];
  let planted = 0;
  let found = 0;
  const t0 = performance.now();
  for (let j = 0; j < sample; j++) {
    const i = 50_000_000 + size + j;
    // About an event already in the corpus, so there is something to match.
    const a = article(i, { outlets: K, event: Math.floor(((j * 7919) % size) / 10) });
    const imported = await importArticle(db, null, { outlet: a.outlet, text: a.text, publishedAt: a.publishedAt.toISOString() });
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
  console.log(`data: synthetic corpus, ${K} outlets, ten articles an event, 5% planted contradictions, 5% wire copies; sample ${sample} articles per size`);
  console.log(`articles  claims    load s   ingest+match art/s   contradictions found   rss MB || matching: ${FIGURES_HEADER}`);
  let loaded = 0;
  for (const size of sizes) {
    const t = performance.now();
    await bulkLoad(db, loaded, size, outletIds);
    loaded = size;
    await db.$executeRaw`VACUUM ANALYZE "Claim"`;
    await db.$executeRaw`VACUUM ANALYZE "Article"`;
    const load = (performance.now() - t) / 1000;
    const claims = await db.claim.count();
    if (workers) await workersAt(db, size);
    const m = await measure(db, size);
    const rss = process.memoryUsage().rss / 2 ** 20;
    console.log(
      `${String(size).padStart(8)}  ${String(claims).padStart(8)}  ${load.toFixed(0).padStart(6)}   ${m.perSec.toFixed(1).padStart(18)}   ${`${m.found}/${m.planted}`.padStart(20)}   ${rss.toFixed(0).padStart(6)} || ${figuresRow(m.figures)}`,
    );
  }
}

// Imports `sample` further articles about existing events (timed: ingest), then matches them with
// one worker process and with --workers processes through the job queue.
async function workersAt(db: Db, size: number) {
  const ids: string[] = [];
  const t = performance.now();
  for (let j = 0; j < sample; j++) {
    const a = article(60_000_000 + size + j, { outlets: K, event: Math.floor(((j * 7907) % size) / 10) });
    ids.push((await importArticle(db, null, { outlet: a.outlet, text: a.text, publishedAt: a.publishedAt.toISOString() })).articleId);
  }
  const ingest = sample / ((performance.now() - t) / 1000);
  console.log(`at ${size} articles, ${sample} new articles: ingest ${ingest.toFixed(1)} art/s (one process, clean + extract + store); matching through the job queue:`);
  printRuns(await workerRuns(db, pg.url(), ids, workers), ingest);
}
