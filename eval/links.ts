// `npm run eval -- links GOLD.json`: imports the gold file's articles into a throwaway embedded
// database, lets the real pipeline match them, and scores the stored suggestions against the
// hand-judged pairs and verdicts. In-sample: the gold is the seed story plus a planted article.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbedded } from "../lib/db/embedded";
import { migrate } from "../lib/db/migrate";
import { createPrisma, type Db } from "../lib/db/client";
import { closeSqlPools } from "../lib/db/sql";
import { importSeedArticles } from "../lib/cli/seed-articles";

export type Ref = { outlet: string; contains: string };
export type Gold = {
  articles: string | string[]; // folders beside the gold file, imported in order
  unlinked?: { why: string; a: Ref; b: Ref }[];
  pairs: { fact: string; a: Ref; b: Ref; relation: "supports" | "contradicts" }[];
  notContradicting: { why: string; a: Ref; b: Ref }[];
  verdicts: { claim: Ref; verdict: string }[];
};

export async function resolve(db: Db, ref: Ref): Promise<string> {
  const found = await db.claim.findMany({ where: { text: { contains: ref.contains }, article: { outlet: { name: ref.outlet } } }, select: { id: true } });
  if (found.length !== 1) throw new Error(`gold claim ${ref.outlet} "${ref.contains}" matches ${found.length} claims, not one`);
  return found[0].id;
}

async function linkBetween(db: Db, a: string, b: string) {
  return db.claimLink.findFirst({
    where: {
      OR: [
        { fromClaimId: a, toClaimId: b },
        { fromClaimId: b, toClaimId: a },
      ],
      state: { not: "REJECTED" },
    },
  });
}

export async function run(argv: string[]) {
  const goldPath = argv[0];
  if (!goldPath) throw new Error("usage: npm run eval -- links GOLD.json");
  const gold = JSON.parse(fs.readFileSync(goldPath, "utf8")) as Gold;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tri-eval-links-"));
  const pg = await startEmbedded(dir);
  const db = createPrisma(pg.url());
  try {
    await migrate(pg.url());
    for (const dir of [gold.articles].flat()) await importSeedArticles(db, null, path.resolve(path.dirname(goldPath), dir));
    let found = 0;
    for (const p of gold.pairs) {
      const link = await linkBetween(db, await resolve(db, p.a), await resolve(db, p.b));
      const ok = link?.relation === p.relation.toUpperCase();
      if (ok) found++;
      else console.log(`  missed  ${p.fact}: ${p.a.outlet} ~ ${p.b.outlet}${link ? ` (suggested as ${link.relation.toLowerCase()})` : ""}`);
    }
    let falseContradictions = 0;
    for (const n of gold.notContradicting) {
      const link = await linkBetween(db, await resolve(db, n.a), await resolve(db, n.b));
      if (link?.relation === "CONTRADICTS") {
        falseContradictions++;
        console.log(`  wrong   contradiction: ${n.why}`);
      }
    }
    let wrongLinks = 0;
    for (const n of gold.unlinked ?? []) {
      const link = await linkBetween(db, await resolve(db, n.a), await resolve(db, n.b));
      if (link) {
        wrongLinks++;
        console.log(`  wrong   link (${link.relation.toLowerCase()}): ${n.why}`);
      }
    }
    let verdictsRight = 0;
    for (const v of gold.verdicts) {
      const claim = await db.claim.findUniqueOrThrow({ where: { id: await resolve(db, v.claim) } });
      if (claim.suggestedVerdict.toLowerCase() === v.verdict) verdictsRight++;
      else {
        console.log(`  verdict ${v.claim.outlet} "${v.claim.contains}": suggested ${claim.suggestedVerdict.toLowerCase()}, gold ${v.verdict}`);
        const behind = await db.claimLink.findMany({
          where: { fromClaimId: claim.id, state: { not: "REJECTED" } },
          select: {
            relation: true,
            score: true,
            reasons: true,
            toClaim: { select: { text: true, article: { select: { outlet: { select: { name: true } } } } } },
          },
        });
        for (const l of behind)
          console.log(
            `          ${l.relation.toLowerCase()} ${l.score} ${l.toClaim.article.outlet.name}: "${l.toClaim.text.slice(0, 90)}…" (${l.reasons[0] ?? ""})`,
          );
      }
    }
    const total = await db.claimLink.count({ where: { origin: "SUGGESTED" } });
    const pct = (n: number, d: number) => `${n}/${d} (${d ? ((100 * n) / d).toFixed(0) : 0}%)`;
    console.log(`gold pairs suggested with the right relation: ${pct(found, gold.pairs.length)}`);
    console.log(`links between reports of different events, among ${gold.unlinked?.length ?? 0} such pairs: ${wrongLinks}`);
    console.log(`false contradictions among ${gold.notContradicting.length} spelling-variant pairs: ${falseContradictions}`);
    console.log(`suggested verdicts matching gold: ${pct(verdictsRight, gold.verdicts.length)}`);
    console.log(`suggestion rows stored (both directions): ${total}`);
  } finally {
    await Promise.all([db.$disconnect(), closeSqlPools()]);
    await pg.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
