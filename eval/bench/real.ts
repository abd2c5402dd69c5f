// The real-text benchmark: article bodies nobody here wrote, imported and matched one by one.
import fs from "node:fs";
import path from "node:path";
import { Prisma } from "../../lib/db/generated/client";
import type { Db } from "../../lib/db/client";
import { importArticle } from "../../lib/articles/mutations";
import { candidatesQuery, claimTerms, commonLexemes } from "../../lib/match/candidates";
import { staleLinksDelete } from "../../lib/match/match-article";
import { parseCsvRecords } from "../csv";
import { SETTING_KEYS } from "../../lib/settings/schema";
import { realArticles } from "./corpus";
import { FIGURES_HEADER, figuresRow, matchMeasured, type ArticleFigures } from "./measure";

type Options = { file: string; articles: number; outlets: number; explain: boolean; threshold?: number };

export async function benchReal(db: Db, opts: Options) {
  const corpus = realArticles(parseCsvRecords(fs.readFileSync(opts.file, "utf8")), opts);
  // The desk's own check-worthiness setting, as an admin would lower it to keep more sentences.
  if (opts.threshold !== undefined) {
    const key = SETTING_KEYS.checkworthinessThreshold;
    await db.setting.upsert({ where: { key }, create: { key, value: opts.threshold }, update: { value: opts.threshold } });
  }
  const ids: string[] = [];
  const t = performance.now();
  for (const a of corpus) {
    const r = await importArticle(db, null, { outlet: a.outlet, text: a.text, publishedAt: a.publishedAt.toISOString() });
    if (!r.duplicate) ids.push(r.articleId);
  }
  const importS = (performance.now() - t) / 1000;
  // As autovacuum would within a minute of the import.
  await db.$executeRaw`VACUUM ANALYZE "Claim"`;
  await db.$executeRaw`VACUUM ANALYZE "Article"`;
  const claims = await db.claim.count();
  console.log(
    `data: ${path.basename(opts.file)}, first ${corpus.length} non-empty bodies (${ids.length} distinct) over ${opts.outlets} outlets, claims by lib/extract${opts.threshold === undefined ? "" : ` at check-worthiness threshold ${opts.threshold}`}: ${claims} (${(claims / ids.length).toFixed(1)} an article)`,
  );
  console.log(`import (clean, extract, store): ${(ids.length / importS).toFixed(1)} articles/s`);
  console.log("matching in import order, each article against every article matched before it; rows by tranche:");
  console.log(`articles   claims matched || ${FIGURES_HEADER}`);

  const figures: ArticleFigures[] = [];
  const tranche = Math.max(1, Math.ceil(ids.length / 3));
  let matchedClaims = 0;
  for (const [i, id] of ids.entries()) {
    const f = await matchMeasured(db, id);
    figures.push(f);
    matchedClaims += f.claims;
    if ((i + 1) % tranche === 0 || i === ids.length - 1) {
      const from = Math.floor(i / tranche) * tranche;
      console.log(`${`${from + 1}-${i + 1}`.padStart(8)}   ${String(matchedClaims).padStart(15)} || ${figuresRow(figures.slice(from, i + 1))}`);
    }
  }
  console.log(`${"all".padStart(8)}   ${String(matchedClaims).padStart(15)} || ${figuresRow(figures)}`);
  console.log(`rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);
  if (opts.explain) await explainHot(db, ids[ids.length - 1]);
}

// EXPLAIN (ANALYZE, BUFFERS) of the statements that grow with the corpus, for the last article:
// its candidate retrieval and its stale-link cleanup (rolled back).
async function explainHot(db: Db, articleId: string) {
  const article = await db.article.findUniqueOrThrow({
    where: { id: articleId },
    select: { id: true, outletId: true, seq: true, claims: { select: { id: true, text: true } } },
  });
  const show = (title: string, rows: { "QUERY PLAN": string }[]) => console.log(`\n-- ${title}\n${rows.map((r) => r["QUERY PLAN"]).join("\n")}`);
  const query = candidatesQuery(article, claimTerms(article.claims), await commonLexemes(db));
  show("candidates of the last article", await db.$queryRaw(Prisma.sql`EXPLAIN (ANALYZE, BUFFERS) ${query}`));
  class Rollback extends Error {}
  await db
    .$transaction(async (tx) => {
      show(
        "stale-link cleanup of the last article, no fresh rows (rolled back)",
        await tx.$queryRaw(Prisma.sql`EXPLAIN (ANALYZE, BUFFERS) ${staleLinksDelete(article, [])}`),
      );
      throw new Rollback();
    })
    .catch((e) => {
      if (!(e instanceof Rollback)) throw e;
    });
}
