import fs from "node:fs";
import path from "node:path";
import type { Db } from "../db/client";
import { importArticle } from "../articles/mutations";
import { matchArticle } from "../match/match-article";

export const SEED_DIR = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../../prisma/seed/articles");

type SeedEntry = { file: string; outlet: string; publishedAt?: string };

export function seedEntries(dir = SEED_DIR): SeedEntry[] {
  return JSON.parse(fs.readFileSync(path.join(dir, "outlets.json"), "utf8")) as SeedEntry[];
}

// Seed articles go through the same import path as any other article. They are matched in line,
// in order, so the demo desk has its suggestions before the first reviewer signs in.
export async function importSeedArticles(db: Db, actorId: string | null, dir = SEED_DIR): Promise<number> {
  let n = 0;
  for (const entry of seedEntries(dir)) {
    const text = fs.readFileSync(path.join(dir, entry.file), "utf8");
    const res = await importArticle(db, actorId, { outlet: entry.outlet, publishedAt: entry.publishedAt, text }, { enqueue: (id) => matchArticle(db, id) });
    if (!res.duplicate) n++;
  }
  return n;
}
