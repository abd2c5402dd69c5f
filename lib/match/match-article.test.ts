import { describe, it, expect, beforeAll } from "vitest";
import { freshDatabase } from "@/tests/db";
import { userWithToken } from "@/tests/factories";
import { importSeedArticles, seedEntries } from "@/lib/cli/seed-articles";
import type { Db } from "@/lib/db/client";
import { randomUUID } from "node:crypto";
import { datesOf, matchArticle, sourceKey, MAX_SUGGESTIONS, type StoredDates } from "./match-article";
import { articleEventDates } from "./pair/analyze";
import { EVIDENCE_SOURCE, suggestVerdict, verdictLink } from "./verdict";

let db: Db;
let articleIds: string[] = [];

async function matchAll() {
  for (const id of articleIds) await matchArticle(db, id);
}

// The one claim of an outlet's article that contains a phrase.
async function claimIn(outlet: string, phrase: string): Promise<string> {
  const rows = await db.claim.findMany({ where: { text: { contains: phrase }, article: { outlet: { name: outlet } } }, select: { id: true } });
  expect(rows, `${outlet}: "${phrase}"`).toHaveLength(1);
  return rows[0].id;
}
const link = (fromClaimId: string, toClaimId: string) => db.claimLink.findUnique({ where: { fromClaimId_toClaimId: { fromClaimId, toClaimId } } });

async function snapshot() {
  return {
    links: await db.claimLink.findMany({ orderBy: [{ fromClaimId: "asc" }, { toClaimId: "asc" }] }),
    verdicts: await db.claim.findMany({ select: { id: true, suggestedVerdict: true, updatedAt: true, version: true }, orderBy: { id: "asc" } }),
    articles: await db.article.findMany({ select: { id: true, matching: true, matchedAt: true, matchingError: true }, orderBy: { id: "asc" } }),
  };
}

// Every stored verdict is what the pure rule says about the claim's links that were not rejected.
async function expectVerdictsFollowLinks() {
  const claims = await db.claim.findMany({
    select: {
      id: true,
      suggestedVerdict: true,
      linksFrom: {
        where: { state: { not: "REJECTED" } },
        select: { relation: true, independent: true, background: true, score: true, state: true, origin: true, ...EVIDENCE_SOURCE },
      },
    },
  });
  for (const c of claims) {
    const expected = suggestVerdict(c.linksFrom.map(verdictLink));
    expect(c.suggestedVerdict, c.id).toBe(expected.toUpperCase());
  }
}

beforeAll(async () => {
  db = (await freshDatabase()).db;
  await importSeedArticles(db, null);
  const outlets = seedEntries().map((e) => e.outlet);
  const articles = await db.article.findMany({ select: { id: true, outlet: { select: { name: true } } } });
  articleIds = outlets.map((o) => articles.find((a) => a.outlet.name === o)!.id);
  expect(articleIds).toHaveLength(5);
  await matchAll();
});

const FACTS: [string, [string, string], [string, string]][] = [
  ["the call of 15 August (Tech Times, Africanews)", ["Tech Times", "Aug. 15"], ["Africanews", "Tuesday, August 15"]],
  ["the call of 15 August (MyJoyOnline, Tech Times)", ["MyJoyOnline", "on Tuesday had a telephone conversation"], ["Tech Times", "Aug. 15"]],
  ["the call of 15 August (Africanews, MyJoyOnline)", ["Africanews", "Tuesday, August 15"], ["MyJoyOnline", "on Tuesday had a telephone conversation"]],
  [
    "exclusively peaceful means (Tech Times, MyJoyOnline)",
    ["Tech Times", "exclusively peaceful political and diplomatic means are needed"],
    ["MyJoyOnline", "Putin emphasised that"],
  ],
  [
    "exclusively peaceful means (Africanews, Tech Times)",
    ["Africanews", "exclusively by peaceful political and diplomatic means"],
    ["Tech Times", "exclusively peaceful political and diplomatic means are needed"],
  ],
  [
    "exclusively peaceful means (Africanews, MyJoyOnline)",
    ["Africanews", "exclusively by peaceful political and diplomatic means"],
    ["MyJoyOnline", "Putin emphasised that"],
  ],
  ["Goita's post on X", ["Africanews", "formerly known as Twitter"], ["MyJoyOnline", "formerly known as Twitter"]],
  ["the standby force", ["Tech Times", "regional standby force"], ["MyJoyOnline", "regional standby force"]],
  ["the July coup (TODAY, Africanews)", ["TODAY", "July coup ousted"], ["Africanews", "toppled the democratically elected government"]],
  ["the July coup (TODAY, MyJoyOnline)", ["TODAY", "July coup ousted"], ["MyJoyOnline", "regional standby force"]],
  ["Wagner in Mali", ["TODAY", "Wagner Group mercenary force"], ["Africanews", "hired mercenaries from Russia"]],
  ["the ECOWAS threat", ["TODAY", "previously threatened military intervention"], ["Africanews", "army chiefs will meet"]],
];

describe("matching the seed articles in turn", () => {
  // The pair model is fitted on public data, never on these articles, so this is an in-sample
  // acceptance figure rather than a rule per pair: the misses are named, and the floor is what the
  // shipped weights reach (README, "Evaluation"). Every link that is made must be well formed.
  it("suggests the seed facts as SUPPORTS across outlets, in both directions", async () => {
    const misses: string[] = [];
    for (const [name, [oa, pa], [ob, pb]] of FACTS) {
      const a = await claimIn(oa, pa),
        b = await claimIn(ob, pb);
      const there = await link(a, b),
        back = await link(b, a);
      if (there?.relation !== "SUPPORTS") {
        misses.push(`${name}: ${there?.relation ?? "no link"}`);
        continue;
      }
      for (const l of [there, back]) {
        expect(l).toMatchObject({
          relation: "SUPPORTS",
          origin: "SUGGESTED",
          state: "SUGGESTED",
          independent: true,
          score: expect.any(Number),
          reasons: expect.arrayContaining([expect.any(String)]),
        });
      }
    }
    expect(misses.length, misses.join("; ")).toBeLessThanOrEqual(2);
  });

  it("does not link the 10 September call to the 15 August call at all", async () => {
    const sept = await claimIn("TODAY", "on Sunday held a phone call");
    const august = [
      await claimIn("Tech Times", "Aug. 15"),
      await claimIn("Africanews", "Tuesday, August 15"),
      await claimIn("MyJoyOnline", "on Tuesday had a telephone conversation"),
    ];
    const links = await db.claimLink.findMany({
      where: {
        OR: [
          { fromClaimId: sept, toClaimId: { in: august } },
          { toClaimId: sept, fromClaimId: { in: august } },
        ],
      },
    });
    expect(links).toEqual([]);
  });

  it("links only claims of different outlets, stores both directions, keeps at most ten per claim", async () => {
    const links = await db.claimLink.findMany({
      select: {
        fromClaimId: true,
        toClaimId: true,
        score: true,
        relation: true,
        fromClaim: { select: { article: { select: { outletId: true } } } },
        toClaim: { select: { article: { select: { outletId: true } } } },
      },
    });
    expect(links.length).toBeGreaterThan(40);
    const key = (f: string, t: string) => `${f}>${t}`;
    const byKey = new Map(links.map((l) => [key(l.fromClaimId, l.toClaimId), l]));
    const perClaim = new Map<string, number[]>();
    for (const l of links) perClaim.set(l.fromClaimId, [...(perClaim.get(l.fromClaimId) ?? []), l.score]);
    for (const l of links) {
      expect(l.fromClaim.article.outletId).not.toBe(l.toClaim.article.outletId);
      const back = byKey.get(key(l.toClaimId, l.fromClaimId));
      if (back) expect({ relation: back.relation, score: back.score }).toEqual({ relation: l.relation, score: l.score });
      // The only reason for a missing reverse row: the other claim already holds ten better suggestions.
      else expect(perClaim.get(l.toClaimId)!.filter((s) => s >= l.score)).toHaveLength(MAX_SUGGESTIONS);
    }
    for (const scores of perClaim.values()) expect(scores.length).toBeLessThanOrEqual(MAX_SUGGESTIONS);
  });

  it("stores each claim's suggested verdict and marks every article done", async () => {
    await expectVerdictsFollowLinks();
    expect(await db.claim.findUnique({ where: { id: await claimIn("Africanews", "formerly known as Twitter") } })).toMatchObject({
      suggestedVerdict: "CORROBORATED",
    });
    expect(await db.claim.count({ where: { suggestedVerdict: "SINGLE_SOURCED" } })).toBeGreaterThan(0);
    const articles = await db.article.findMany({ select: { matching: true, matchedAt: true } });
    expect(articles.every((a) => a.matching === "DONE" && a.matchedAt)).toBe(true);
  });

  it("matching every article again changes nothing", async () => {
    const before = await snapshot();
    const res = await matchArticle(db, articleIds[1]);
    expect(res.claims).toBe(await db.claim.count({ where: { articleId: articleIds[1] } }));
    await matchAll();
    expect(await snapshot()).toEqual(before);
  });

  it("removes a suggestion its article no longer makes, and only when that article is matched", async () => {
    const an = await claimIn("Africanews", "army chiefs will meet");
    const tt = await claimIn("Tech Times", "BBC reported");
    const mj = await claimIn("MyJoyOnline", "formerly known as Twitter");
    expect(await link(an, tt)).toBeNull();
    await db.claimLink.createMany({
      data: [
        { fromClaimId: an, toClaimId: tt, relation: "SUPPORTS", score: 0.99 },
        { fromClaimId: tt, toClaimId: an, relation: "SUPPORTS", score: 0.99 },
        { fromClaimId: mj, toClaimId: tt, relation: "CONTRADICTS", score: 0.99 },
      ],
    });
    await matchArticle(db, articleIds[1]); // Africanews owns its pairs with the earlier Tech Times
    expect(await link(an, tt)).toBeNull();
    expect(await link(tt, an)).toBeNull();
    expect(await link(mj, tt)).not.toBeNull(); // a MyJoyOnline pair: not Africanews' to judge
    await matchArticle(db, articleIds[2]);
    expect(await link(mj, tt)).toBeNull();
    await expectVerdictsFollowLinks();
  });

  it("never overwrites a link a reviewer confirmed, rejected or created, and the verdict follows them", async () => {
    const reviewer = await userWithToken(db, "REVIEWER");
    const an = await claimIn("Africanews", "formerly known as Twitter");
    const mj = await claimIn("MyJoyOnline", "formerly known as Twitter");
    const tt = await claimIn("Tech Times", "BBC reported");
    const rejected = await db.claimLink.update({
      where: { fromClaimId_toClaimId: { fromClaimId: mj, toClaimId: an } },
      data: { state: "REJECTED", score: 0.05, reasons: ["reviewer: not the same"], version: { increment: 1 } },
    });
    const confirmed = await db.claimLink.update({
      where: { fromClaimId_toClaimId: { fromClaimId: an, toClaimId: mj } },
      data: { state: "CONFIRMED", relation: "CONTRADICTS", independent: true, createdById: reviewer.user.id },
    });
    const created = await db.claimLink.create({
      data: { fromClaimId: an, toClaimId: tt, relation: "SUPPORTS", origin: "REVIEWER", state: "SUGGESTED", score: 0.2, createdById: reviewer.user.id },
    });
    await matchAll();
    expect(await link(mj, an)).toEqual(rejected);
    expect(await link(an, mj)).toEqual(confirmed);
    expect(await link(an, tt)).toEqual(created);
    await expectVerdictsFollowLinks();
    expect((await db.claim.findUnique({ where: { id: an } }))!.suggestedVerdict).toBe("CONTRADICTED");
  });
});

describe("each article's dates, read once for every worker (decision 045)", () => {
  const stored = async (id: string) => {
    const [row] = await db.$queryRaw<{ eventDates: StoredDates | null; xmin: string }[]>`SELECT "eventDates", xmin::text FROM "Article" WHERE id = ${id}::uuid`;
    return row;
  };

  it("stores every matched article's dates with the key of the text and day they were read from", async () => {
    for (const a of await db.article.findMany({ select: { id: true, text: true, publishedAt: true } })) {
      const dates = (await stored(a.id)).eventDates;
      expect(dates, a.id).toEqual(JSON.parse(JSON.stringify({ source: sourceKey(a), dates: articleEventDates(a.text, a.publishedAt) })));
      expect(dates!.dates.length, a.id).toBeGreaterThan(0);
    }
  });

  it("leaves dates whose key holds alone, and reads again those of another text or day", async () => {
    // The last article's candidates are the earlier ones' claims.
    const [y, ...rest] = articleIds;
    const x = rest.pop()!;
    const kept = await Promise.all(rest.map(stored));
    await db.$executeRaw`UPDATE "Article" SET "eventDates" = '{"source": "0:0", "dates": []}'::jsonb WHERE id = ${y}::uuid`;
    await matchArticle(db, x);
    // They were its candidates: x holds suggestions to their claims.
    expect(await db.claimLink.count({ where: { fromClaim: { articleId: x }, toClaim: { articleId: { in: rest } } } })).toBeGreaterThan(0);
    // Their rows are not written again (x's own row is: its matching state).
    expect(await Promise.all(rest.map(stored))).toEqual(kept);
    const a = await db.article.findUniqueOrThrow({ where: { id: y }, select: { text: true, publishedAt: true } });
    expect((await stored(y)).eventDates!.source).toBe(sourceKey(a));
  });

  it("skips, without waiting, an article whose row another transaction holds, and stores it later", async () => {
    const [y, ...rest] = articleIds;
    const x = rest.pop()!;
    await db.$executeRaw`UPDATE "Article" SET "eventDates" = '{"source": "0:0", "dates": []}'::jsonb WHERE id = ${y}::uuid`;
    let release!: () => void, locked!: () => void;
    const held = new Promise<void>((r) => (release = r)),
      isLocked = new Promise<void>((r) => (locked = r));
    const holder = db.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT id FROM "Article" WHERE id = ${y}::uuid FOR UPDATE`;
        locked();
        await held;
      },
      { timeout: 60_000 },
    );
    await isLocked;
    try {
      await matchArticle(db, x);
      expect((await stored(y)).eventDates!.source).toBe("0:0");
    } finally {
      release();
      await holder;
    }
    await matchArticle(db, x);
    const a = await db.article.findUniqueOrThrow({ where: { id: y }, select: { text: true, publishedAt: true } });
    expect((await stored(y)).eventDates!.source).toBe(sourceKey(a));
  });

  it("keys stored dates by the publication day, the text and how dates are read", () => {
    const text = "The two presidents spoke by telephone on 15 August.";
    const day = new Date("2024-08-16T00:00:00Z");
    const key = sourceKey({ text, publishedAt: day });
    expect(sourceKey({ text, publishedAt: day })).toBe(key);
    expect(sourceKey({ text, publishedAt: null })).not.toBe(key);
    expect(sourceKey({ text: text + " ", publishedAt: day })).not.toBe(key);
    expect(key.split(":")).toHaveLength(3);
  });

  it("uses stored dates while their key holds, without reading the text", () => {
    const article = {
      id: randomUUID(),
      outletId: randomUUID(),
      wireCredit: null,
      outlet: { originGroup: null },
      publishedAt: new Date("2024-08-16T00:00:00Z"),
    };
    const text = "The two presidents spoke by telephone on 15 August.";
    const mark = { y: 2020, m: 1, d: 2, label: "a stored date", start: 0, end: 1 };
    const read = new Map<string, StoredDates>();
    const fresh = datesOf({ ...article, text, eventDates: { source: sourceKey({ ...article, text }), dates: [mark] } }, read);
    expect(fresh.dates).toEqual([mark]);
    expect(read.size).toBe(0);
    // Another text under the same id: its own dates, to be stored.
    const edited = { ...article, text: text.replace("15 August", "10 September"), eventDates: { source: sourceKey({ ...article, text }), dates: [mark] } };
    const again = datesOf(edited, read);
    expect(again.dates.map((d) => [d.m, d.d])).toEqual([[9, 10]]);
    expect(read.get(article.id)).toEqual({ source: sourceKey(edited), dates: again.dates });
  });
});
