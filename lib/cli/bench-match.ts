// `npm run bench:match -- [--sizes 1000,10000,100000] [--sample 50] [--outlets 40]`
// Grows a synthetic corpus to each size (bulk-loaded as already matched), then imports and matches
// `sample` new articles about existing events through the real path (importArticle + matchArticle)
// and reports throughput, suggestion latency, memory and how many planted contradictions were found.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import crypto from "node:crypto";
import { startEmbedded } from "../db/embedded";
import { migrate } from "../db/migrate";
import { createPrisma, type Db } from "../db/client";
import { importArticle } from "../articles/mutations";
import { matchArticle } from "../match/match-article";
import { article, outlets } from "./bench/corpus";
import { cliArgs } from "./args";

const { values } = cliArgs({ sizes: { type: "string" }, sample: { type: "string" }, outlets: { type: "string" } }, "npm run bench:match -- [--sizes 1000,10000,100000] [--sample 50] [--outlets 40]");
const sizes = (values.sizes ?? "1000,10000,100000").split(",").map(Number);
const sample = Number(values.sample ?? 50);
const K = Number(values.outlets ?? 40);

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
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
  const times: number[] = [];
  let planted = 0;
  let found = 0;
  const t0 = performance.now();
  for (let j = 0; j < sample; j++) {
    const i = 50_000_000 + size + j;
    // About an event already in the corpus, so there is something to match.
    const a = article(i, { outlets: K, event: Math.floor(((j * 7919) % size) / 10) });
    const imported = await importArticle(db, null, { outlet: a.outlet, text: a.text, publishedAt: a.publishedAt.toISOString() });
    const s = performance.now();
    await matchArticle(db, imported.articleId);
    times.push(performance.now() - s);
    if (a.planted === "contradiction") {
      planted++;
      const n = await db.claimLink.count({ where: { relation: "CONTRADICTS", fromClaim: { articleId: imported.articleId, text: { contains: "killed" } } } })
        + await db.claimLink.count({ where: { relation: "CONTRADICTS", fromClaim: { articleId: imported.articleId, text: { contains: "died" } } } });
      if (n > 0) found++;
    }
  }
  const total = (performance.now() - t0) / 1000;
  return { perSec: sample / total, p50: pct(times, 50), p95: pct(times, 95), planted, found };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tri-bench-"));
const pg = await startEmbedded(dir);
const db = createPrisma(pg.url());
try {
  await migrate(pg.url());
  const outletIds = new Map<string, string>();
  for (const o of outlets(K)) outletIds.set(o.name, (await db.outlet.create({ data: o })).id);
  console.log(`corpus: ${K} outlets, ten articles an event, 5% planted contradictions, 5% wire copies; sample ${sample} articles per size`);
  console.log("articles  claims    load s   ingest+match art/s   match p50 ms   p95 ms   contradictions found   rss MB");
  let loaded = 0;
  for (const size of sizes) {
    const t = performance.now();
    await bulkLoad(db, loaded, size, outletIds);
    loaded = size;
    await db.$executeRaw`VACUUM ANALYZE "Claim"`;
    await db.$executeRaw`VACUUM ANALYZE "Article"`;
    const load = (performance.now() - t) / 1000;
    const claims = await db.claim.count();
    const m = await measure(db, size);
    const rss = process.memoryUsage().rss / 2 ** 20;
    console.log(
      `${String(size).padStart(8)}  ${String(claims).padStart(8)}  ${load.toFixed(0).padStart(6)}   ${m.perSec.toFixed(1).padStart(18)}   ${m.p50.toFixed(0).padStart(12)}   ${m.p95.toFixed(0).padStart(6)}   ${`${m.found}/${m.planted}`.padStart(20)}   ${rss.toFixed(0).padStart(6)}`,
    );
  }
} finally {
  await db.$disconnect();
  await pg.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
