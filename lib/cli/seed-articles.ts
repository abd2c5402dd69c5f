import fs from "node:fs";
import path from "node:path";
import type { Db } from "../db/client";
import { importArticle } from "../articles/mutations";

export const SEED_DIR = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../../prisma/seed/articles");

type SeedEntry = { file: string; outlet: string };

export function seedEntries(): SeedEntry[] {
  return JSON.parse(fs.readFileSync(path.join(SEED_DIR, "outlets.json"), "utf8")) as SeedEntry[];
}

// Seed articles go through the same import path as any other article.
export async function importSeedArticles(db: Db, actorId: string | null): Promise<number> {
  let n = 0;
  for (const entry of seedEntries()) {
    const text = fs.readFileSync(path.join(SEED_DIR, entry.file), "utf8");
    const res = await importArticle(db, actorId, { outlet: entry.outlet, text });
    if (!res.duplicate) n++;
  }
  return n;
}
