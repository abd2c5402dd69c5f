import { PLACE_KEYS } from "./places";
import { STOP, fold, tokenize, type Token } from "./text";

export type Entity = {
  surface: string;
  keys: Set<string>; // canonical name parts plus acronym aliases
  kind: "place" | "name";
  generic: boolean; // only country/region words: topical, weak evidence of a shared fact
  personLike: boolean; // multi-word name or introduced by a title
  tokenIdx: number[];
};

export const TITLES = new Set(
  ("president prime minister colonel captain general gen col capt lieutenant major sergeant king queen prince princess " +
    "chief head leader interim transitional period mr mrs ms dr sir lord senator governor mayor secretary chancellor " +
    "ambassador commander spokesman spokeswoman spokesperson official officials director ceo chairman pope sheikh " +
    "emir sultan premier deputy vice foreign defence defense interior state file photo").split(" "),
);
export const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
export const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
const TIMEWORDS = new Set([...MONTHS, ...WEEKDAYS, "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]);
const CONNECTORS = new Set(["of", "de", "del", "da", "al", "bin", "van", "von", "la", "le", "du"]);
// Only the ones that occur in our coverage; demonyms let "Malian side" meet "Mali".
const DEMONYM: Record<string, string> = {
  russian: "russia", malian: "mali", nigerien: "niger", nigerian: "nigeria", french: "france", american: "us",
  african: "africa", libyan: "libya", ukrainian: "ukraine", chinese: "china", british: "uk", german: "germany",
  european: "europe", ghanaian: "ghana", burkinabe: "burkina", sahelian: "sahel", kremlin: "kremlin",
  united: "united", states: "states", usa: "us", america: "us",
};
// Sentence-initial capitals that are ordinary words, not names.
const COMMON_INITIAL = new Set(
  "support experts analysts western eastern northern southern police officials residents witnesses latest breaking read sign subscribers".split(" "),
);

export function canonName(word: string): string {
  let w = word.toLowerCase().replace(/'s$/, "");
  w = DEMONYM[w] ?? w;
  // Transliteration variants mostly differ by doubled letters (Mohammed/Mohamed) or a trailing h (Goïta/Goita via fold).
  return w.replace(/(.)\1+/g, "$1").replace(/h$/, "");
}

export function extractEntities(text: string): Entity[] {
  // Token offsets refer to the folded text, so all slicing happens on it.
  const s = fold(text);
  const toks = tokenize(text);
  const out: Entity[] = [];
  let i = 0;
  const isNameTok = (t: Token, idx: number) => {
    if (!t.cap || /^\d/.test(t.raw) || TIMEWORDS.has(t.lower) || TITLES.has(t.lower)) return false;
    if (STOP.has(t.lower)) return false;
    const initial = idx === 0 || /[.!?:"]\s*$/.test(s.slice(toks[idx - 1].end, t.start));
    return !(initial && COMMON_INITIAL.has(t.lower));
  };
  while (i < toks.length) {
    if (!isNameTok(toks[i], i)) { i++; continue; }
    const idx = [i];
    let j = i + 1;
    while (j < toks.length) {
      const gap = s.slice(toks[j - 1].end, toks[j].start);
      // "Russia's Wagner group" names two things, not one.
      if (/[,.;:()"!?]/.test(gap) || toks[j - 1].poss) break;
      if (isNameTok(toks[j], j)) { idx.push(j); j++; continue; }
      if (CONNECTORS.has(toks[j].lower) && j + 1 < toks.length && isNameTok(toks[j + 1], j + 1)) { idx.push(j); j++; continue; }
      break;
    }
    const names = idx.map((k) => toks[k]).filter((t) => !CONNECTORS.has(t.lower));
    const keys = new Set(names.map((t) => canonName(t.raw)));
    if (idx.length > 1) {
      keys.add("#" + idx.map((k) => toks[k].lower[0]).join(""));
      keys.add("#" + names.map((t) => t.lower[0]).join(""));
    }
    if (names.length === 1 && /^[A-Z]{2,}$/.test(names[0].raw)) keys.add("#" + names[0].lower);
    const prev = toks[i - 1]?.lower;
    const plain = [...keys].filter((k) => !k.startsWith("#"));
    out.push({
      surface: s.slice(toks[i].start, toks[idx[idx.length - 1]].end).replace(/'s$/, ""),
      keys,
      kind: prev && ["in", "at", "near", "from", "into", "across"].includes(prev) ? "place" : "name",
      generic: plain.every((k) => PLACE_KEYS.has(k)),
      personLike: (names.length >= 2 || (prev !== undefined && TITLES.has(prev))) && !plain.some((k) => PLACE_KEYS.has(k)),
      tokenIdx: idx,
    });
    i = j;
  }
  return mergeAliases(out);
}

// "Economic Community of West African States (ECOWAS)" defines ECOWAS as an alias of the long name.
function mergeAliases(ents: Entity[]): Entity[] {
  for (let k = 1; k < ents.length; k++) {
    const a = ents[k - 1], b = ents[k];
    if (b.surface === b.surface.toUpperCase() && b.surface.length >= 2 && a.tokenIdx.length > 1) {
      const gapOk = b.tokenIdx[0] === a.tokenIdx[a.tokenIdx.length - 1] + 1;
      if (gapOk) for (const key of b.keys) a.keys.add(key);
    }
  }
  return ents;
}

export function sameEntity(a: Entity, b: Entity): boolean {
  const [small, big] = a.keys.size <= b.keys.size ? [a, b] : [b, a];
  const plain = [...small.keys].filter((k) => !k.startsWith("#"));
  if (plain.length && plain.every((k) => big.keys.has(k))) return true;
  return [...small.keys].some((k) => k.startsWith("#") && k.length > 2 && big.keys.has(k));
}

export type EntityOverlap = { shared: string[]; weight: number; onlyA: Entity[]; onlyB: Entity[] };

export function compareEntities(ea: Entity[], eb: Entity[]): EntityOverlap {
  const shared: string[] = [];
  let weight = 0;
  const usedB = new Set<number>();
  const onlyA: Entity[] = [];
  for (const a of ea) {
    const k = eb.findIndex((b) => sameEntity(a, b));
    if (k < 0) { onlyA.push(a); continue; }
    usedB.add(k);
    const label = eb[k].surface.length < a.surface.length ? eb[k].surface : a.surface;
    if (!shared.includes(label)) { shared.push(label); weight += a.generic || eb[k].generic ? 0.4 : 1; }
  }
  // An entity in B matched by any A entity is shared even if A's matcher picked another index first.
  const onlyB = eb.filter((b, k) => !usedB.has(k) && !ea.some((a) => sameEntity(a, b)));
  return { shared, weight, onlyA, onlyB };
}
