import fs from "node:fs";
import path from "node:path";
import { describe, it, expect, beforeAll } from "vitest";
import { freshDatabase } from "@/tests/db";
import { importArticle } from "@/lib/articles/mutations";
import { SEED_DIR, seedEntries } from "@/lib/cli/seed-articles";
import type { Db } from "@/lib/db/client";
import { matchArticle, MAX_SUGGESTIONS } from "./match-article";
import { scorePassages } from "./pair/model";

let db: Db;
const ids: Record<string, string> = {};

async function claimIn(articleId: string, phrase: string) {
  return (await db.claim.findFirstOrThrow({ where: { articleId, text: { contains: phrase } } })).id;
}
const linksOf = (claimId: string) =>
  db.claimLink.findMany({ where: { fromClaimId: claimId, state: "SUGGESTED" }, orderBy: [{ score: "desc" }, { toClaimId: "asc" }] });

beforeAll(async () => {
  db = (await freshDatabase()).db;
  // Imported without the job, so the test decides when each article is matched.
  for (const e of seedEntries().slice(0, 3)) {
    ids[e.outlet] = (await importArticle(db, null, { outlet: e.outlet, text: fs.readFileSync(path.join(SEED_DIR, e.file), "utf8") })).articleId;
  }
});

describe("incremental matching", () => {
  it("earlier claims gain suggestions from a later article, and earlier pairs are not redone", async () => {
    const tt = ids["Tech Times"],
      an = ids["Africanews"],
      mj = ids["MyJoyOnline"];
    expect(await matchArticle(db, tt)).toEqual({ claims: await db.claim.count({ where: { articleId: tt } }), links: 0 });
    const call = await claimIn(tt, "exclusively peaceful political and diplomatic means are needed");
    expect(await linksOf(call)).toEqual([]);

    await matchArticle(db, an);
    const anCall = await claimIn(an, "exclusively by peaceful political and diplomatic means");
    expect((await linksOf(call)).map((l) => l.toClaimId)).toContain(anCall);
    expect((await linksOf(anCall)).map((l) => l.toClaimId)).toContain(call);
    expect(await db.claimLink.count({ where: { OR: [{ fromClaim: { articleId: mj } }, { toClaim: { articleId: mj } }] } })).toBe(0);
    expect((await db.claim.findUniqueOrThrow({ where: { id: call } })).suggestedVerdict).toBe("CORROBORATED");

    const ttAn = await db.claimLink.findMany({ where: { fromClaim: { articleId: tt }, toClaim: { articleId: an } }, orderBy: { id: "asc" } });
    await matchArticle(db, mj);
    const mjCall = await claimIn(mj, "Putin emphasised that");
    expect((await linksOf(call)).map((l) => l.toClaimId)).toEqual(expect.arrayContaining([anCall, mjCall]));
    // Same rows, same versions and times: matching MyJoyOnline did not recompute Tech Times x Africanews.
    expect(await db.claimLink.findMany({ where: { fromClaim: { articleId: tt }, toClaim: { articleId: an } }, orderBy: { id: "asc" } })).toEqual(ttAn);
  });

  it("re-matches only the claims a curation edit names, leaving the article's other links as they were", async () => {
    const an = ids["Africanews"],
      mj = ids["MyJoyOnline"];
    const others = () => db.claimLink.findMany({ orderBy: { id: "asc" } });
    const before = await others();
    // A reviewer adds a claim the extractor missed (its offsets do not matter to matching).
    const text = "Putin stressed the importance of a peaceful resolution of the situation for a more stable Sahel, Goita said on social media platform X.";
    const added = await db.claim.create({ data: { articleId: an, text, start: 0, end: 1 } });
    await matchArticle(db, an, [added.id]);
    const mjPost = await claimIn(mj, "formerly known as Twitter");
    expect((await linksOf(added.id)).map((l) => l.toClaimId)).toContain(mjPost);
    expect((await linksOf(mjPost)).map((l) => l.toClaimId)).toContain(added.id);
    // Every other link is the same row, same version, same time: nothing else was recomputed.
    const after = (await others()).filter((l) => l.fromClaimId !== added.id && l.toClaimId !== added.id);
    expect(after).toEqual(before);
    await db.claimLink.deleteMany({ where: { OR: [{ fromClaimId: added.id }, { toClaimId: added.id }] } });
    await db.claim.delete({ where: { id: added.id } });
  });

  it("keeps each claim's best ten suggestions as later articles offer more", async () => {
    const base = "Border guards seized a uranium convoy near Agadez on Monday, officials in Niamey said.";
    // Each later outlet tells the same fact on another source's word, so the scores differ a little.
    const sources = [
      "a customs officer said",
      "the interior ministry said",
      "state television reported",
      "a police spokesman said",
      "the army said in a statement",
      "local residents said",
      "a government source said",
      "the regional governor said",
      "security sources said",
      "a military official said",
      "the customs service said",
      "witnesses told reporters",
    ];
    let n = 0;
    const add = async (outlet: string, text: string) => {
      const o = await db.outlet.create({ data: { name: outlet } });
      const a = await db.article.create({ data: { outletId: o.id, rawText: text, text, contentHash: `synthetic-${n++}` } });
      await db.claim.create({ data: { articleId: a.id, text, start: 0, end: text.length } });
      await matchArticle(db, a.id);
      const claim = await db.claim.findFirstOrThrow({ where: { articleId: a.id } });
      texts.set(claim.id, text);
      return claim.id;
    };
    const texts = new Map<string, string>();
    const first = await add("Outlet 0", base);
    const later: string[] = [];
    for (let k = 0; k < sources.length; k++) later.push(await add(`Outlet ${k + 1}`, base.replace("officials in Niamey said", sources[k])));

    // What each later claim offered the first one, by the pure scorer.
    const offered = later
      .map((id) => ({ id, r: scorePassages({ text: texts.get(first)! }, { text: texts.get(id)! }) }))
      .filter((o) => o.r.relation !== "none")
      .map((o) => ({ id: o.id, score: o.r.score }));
    expect(offered.length).toBeGreaterThan(MAX_SUGGESTIONS);
    expect(new Set(offered.map((o) => o.score)).size).toBeGreaterThan(3);
    const best = offered.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1)).slice(0, MAX_SUGGESTIONS);
    const kept = await linksOf(first);
    expect(kept.map((l) => [l.toClaimId, l.score])).toEqual(best.map((o) => [o.id, o.score]));
  });
});
