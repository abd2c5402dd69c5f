import { compareDates, extractDates, type DateMention } from "./dates";
import { compareEntities, extractEntities, MONTHS, TITLES, WEEKDAYS, type Entity, type EntityOverlap } from "./entities";
import { extractNumbers, formatNumber, numbersCompatible, sameQuantity, type NumberMention } from "./numbers";
import { STOP, canonStem, tokenize } from "./text";

export type Side = {
  text: string;
  entities: Entity[];
  numbers: NumberMention[];
  dates: DateMention[];
  stems: string[]; // content stems in order, names excluded
  seq: string[]; // content stems in order, names included, for shared-phrase detection
  attribution: Entity[];
  surface: Map<string, string>; // stem -> first word it came from, to show readers words rather than stems
};

const TIME = new Set([...MONTHS, ...WEEKDAYS, "aug", "sept", "sep", "oct", "nov", "dec", "jan", "feb", "yesterday", "today", "week", "month", "year", "ago", "last", "next"]);
// Reporting verbs and vague words say nothing about which fact a sentence states.
const WEAK = new Set(["stat", "report", "add", "note", "tell", "ask", "mak", "includ", "situat", "event", "issu", "countri", "region", "new", "continu", "like"].map((w) => w));

const TITLE_STEMS = new Set([...TITLES].map(canonStem));

export function analyze(text: string, publishedAt: Date | null, attribution: string | null = null): Side {
  const dates = extractDates(text, publishedAt);
  const numbers = extractNumbers(text, dates.map((d) => [d.start, d.end] as [number, number]));
  const entities = extractEntities(text);
  const nameIdx = new Set(entities.flatMap((e) => e.tokenIdx));
  const toks = tokenize(text);
  const stems: string[] = [];
  const seq: string[] = [];
  const surface = new Map<string, string>();
  toks.forEach((t, i) => {
    if (STOP.has(t.lower) || /^\d/.test(t.lower) || TIME.has(t.lower) || t.lower.length < 2) return;
    const st = canonStem(t.lower);
    seq.push(st);
    if (!surface.has(st)) surface.set(st, t.lower);
    // Titles ("president", "leader") recur in every sentence about the same people and prove nothing.
    if (!nameIdx.has(i) && !WEAK.has(st) && !TITLES.has(t.lower) && !TITLE_STEMS.has(st)) stems.push(st);
  });
  return { text, entities, numbers, dates, stems, seq, attribution: attribution ? extractEntities(attribution) : [], surface };
}

export type PairFeatures = {
  entities: EntityOverlap;
  content: { shared: string[]; overlap: number; dice: number; run: number };
  numbers: { agree: [NumberMention, NumberMention][]; conflict: [NumberMention, NumberMention][] };
  dates: { same: string[]; overlap: string[]; conflict: { a: DateMention; b: DateMention; gapDays: number }[] };
  attribution: string[];
};

function longestRun(a: string[], b: string[]): number {
  let best = 0;
  const prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = a[i - 1] === b[j - 1] ? diag + 1 : 0;
      if (prev[j] > best) best = prev[j];
      diag = tmp;
    }
  }
  return best;
}

export function pairFeatures(a: Side, b: Side): PairFeatures {
  const sa = new Set(a.stems), sb = new Set(b.stems);
  const shared = [...sa].filter((w) => sb.has(w)).map((w) => a.surface.get(w) ?? w);
  const content = {
    shared,
    overlap: shared.length / Math.max(1, Math.min(sa.size, sb.size)),
    dice: (2 * shared.length) / Math.max(1, sa.size + sb.size),
    run: longestRun(a.seq, b.seq),
  };

  const agree: [NumberMention, NumberMention][] = [];
  const conflict: [NumberMention, NumberMention][] = [];
  for (const na of a.numbers) {
    const same = b.numbers.filter((nb) => sameQuantity(na, nb));
    if (!same.length) continue;
    const ok = same.find((nb) => numbersCompatible(na, nb));
    if (ok) agree.push([na, ok]);
    else conflict.push([na, same[0]]);
  }

  const dates: PairFeatures["dates"] = { same: [], overlap: [], conflict: [] };
  const dayLike = (d: DateMention) => d.gran === "day" || d.gran === "weekday";
  for (const da of a.dates) {
    let matched = false;
    for (const db of b.dates) {
      const r = compareDates(da, db);
      if (r.kind === "same") { matched = true; if (!dates.same.includes(da.label)) dates.same.push(da.label); }
      else if (r.kind === "overlap") { matched = true; const l = da.label.length <= db.label.length ? da.label : db.label; if (!dates.overlap.includes(l)) dates.overlap.push(l); }
    }
    if (matched || !dayLike(da)) continue;
    const db = b.dates.find((x) => dayLike(x) && compareDates(da, x).kind === "differ");
    if (db && !b.dates.some((x) => compareDates(da, x).kind === "same")) dates.conflict.push({ a: da, b: db, gapDays: compareDates(da, db).gapDays });
  }
  // A conflict only counts when neither side has a date agreeing with the other's.
  if (dates.same.length) dates.conflict = [];

  const attribution = compareEntities(a.attribution, b.attribution).shared;
  return { entities: compareEntities(a.entities, b.entities), content, numbers: { agree, conflict }, dates, attribution };
}

export function describeNumbers(pairs: [NumberMention, NumberMention][]): string {
  return pairs.map(([x, y]) => `${formatNumber(x)} vs ${formatNumber(y)}`).join(", ");
}
