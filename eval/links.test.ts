import fs from "node:fs";
import { describe, it, expect, beforeAll } from "vitest";
import { freshDatabase } from "../tests/db";
import { importSeedArticles } from "../lib/cli/seed-articles";
import { resolve, type Gold } from "./links";
import type { Db } from "../lib/db/client";

const gold = JSON.parse(fs.readFileSync("prisma/seed/links-gold.json", "utf8")) as Gold;
let db: Db;
beforeAll(async () => {
  db = (await freshDatabase()).db;
  await importSeedArticles(db, null);
  await importSeedArticles(db, null, "prisma/seed/planted");
});

describe("the hand-written links gold file", () => {
  it("names exactly one extracted claim for every reference, so the eval measures what it says", async () => {
    const refs = [
      ...gold.pairs.flatMap((p) => [p.a, p.b]),
      ...gold.notContradicting.flatMap((p) => [p.a, p.b]),
      ...(gold.unlinked ?? []).flatMap((p) => [p.a, p.b]),
      ...gold.verdicts.map((v) => v.claim),
    ];
    for (const ref of refs) await expect(resolve(db, ref), `${ref.outlet}: ${ref.contains}`).resolves.toMatch(/^[0-9a-f-]{36}$/);
  });

  it("pairs always join two different outlets", () => {
    for (const p of gold.pairs) expect(p.a.outlet).not.toBe(p.b.outlet);
  });
});
