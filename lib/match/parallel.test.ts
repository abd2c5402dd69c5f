import { describe, it, expect, beforeAll } from "vitest";
import { freshDatabase } from "@/tests/db";
import { createPrisma, type Db } from "@/lib/db/client";
import { importStories, matchResult, unmatchAll } from "@/tests/match-result";
import { matchArticle } from "./match-article";

// Two workers, each with its own Prisma client and its own connection for each match's transaction
// (matching's statements share this process's pg pool; lib/cli/worker.test.ts runs two processes), take articles in a shuffled order while the imports
// are still arriving. The desk is then cleared of every suggestion and matched again by one worker,
// one article at a time, in reverse order: both runs must end with the same links, scores, verdicts
// and versions (docs/decisions/018). One desk for both, so that ties between equal scores, broken
// by claim id, are broken alike.
let db: Db;
let url: string;

beforeAll(async () => {
  ({ db, url } = await freshDatabase());
});

// A fixed shuffle, so a failure can be replayed.
function shuffled<T>(xs: T[], seed: number): T[] {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe("matching in parallel", () => {
  it("two workers on interleaved imports reach exactly what one worker reaches, and a re-run changes nothing", { timeout: 600_000 }, async () => {
    const workers = [createPrisma(url), createPrisma(url)];
    const arrived: string[] = [];
    let importing = true;
    let taken = 0;
    const matchedBy = [0, 0];
    const work = async (w: number) => {
      for (;;) {
        if (!arrived.length) {
          if (!importing) return;
          await new Promise((r) => setTimeout(r, 5));
          continue;
        }
        const pick = shuffled(arrived, 7 + taken++)[0];
        arrived.splice(arrived.indexOf(pick), 1);
        await matchArticle(workers[w], pick);
        matchedBy[w]++;
      }
    };
    const running = [work(0), work(1)];
    const ids = await importStories(db, async (id) => void arrived.push(id));
    importing = false;
    await Promise.all(running);
    expect(matchedBy[0] + matchedBy[1]).toBe(ids.length);
    expect(Math.min(...matchedBy)).toBeGreaterThan(0);
    const inParallel = await matchResult(db);
    expect(inParallel.links.length).toBeGreaterThan(100);
    expect(inParallel.articles.every((a) => / DONE $/.test(a))).toBe(true);

    // Both workers again on every article at once: nothing changes, not even a version.
    await Promise.all(shuffled(ids, 3).map((id, i) => matchArticle(workers[i % 2], id)));
    expect(await matchResult(db)).toEqual(inParallel);

    await unmatchAll(db);
    expect((await matchResult(db)).links).toEqual([]);
    for (const id of [...ids].reverse()) await matchArticle(db, id);
    expect(await matchResult(db)).toEqual(inParallel);
    await Promise.all(workers.map((w) => w.$disconnect()));
  });
});
