// What the pair model needs to know of one passage, computed once per passage (a claim is analysed
// once per matching run however many candidates it meets). Tokens, parts of speech, lemmas and
// negation come from wink-nlp's English model; dates from chrono-node, resolved against the
// publication date; numbers with their units from numbers.ts; word vectors from vectors.ts.
import * as chrono from "chrono-node";
import winkNLP from "wink-nlp";
import { hash53, hashedSet } from "../hash";
import model from "wink-eng-lite-web-model";
import { extractNumbers, type NumberMention } from "../numbers";
import { STOP, fold } from "../text";
import { DIMS, addInto, loadVectors, wordId } from "./vectors";
import { loadAntonyms } from "./antonyms";
import { loadCommonWords } from "./common-words";

export type Passage = {
  text: string;
  publishedAt?: Date | null;
  attribution?: string | null;
  // The sentence before a pronoun-led claim ("He added…"): its names are the claim's participants.
  context?: string | null;
  // The dates the passage's whole article names (articleEventDates): a passage that names no date
  // of its own is taken to be about what its report is dated by.
  articleDates?: EventDate[] | null;
};

export type Tok = {
  word: string; // lower-cased surface form
  lemma: string;
  pos: string;
  vec: number; // row in the vector table, -1 when unknown
  content: boolean; // carries meaning for alignment (nouns, verbs, adjectives, adverbs, names, numbers)
  name: boolean; // part of a proper-noun run: matched by identity, never by vector similarity
  idf: number; // rarer words weigh more (from the word's frequency rank in the vector vocabulary)
};

// said: the date of a statement ("the government said on Wednesday"): it places the report's event
// within days, so it still tells events apart, but a day's difference from it is no dispute.
export type EventDate = { y: number | null; m: number | null; d: number | null; label: string; start: number; end: number; said?: boolean };

export type Analysis = {
  text: string;
  toks: Tok[];
  content: number[]; // indices of content tokens
  names: string[]; // proper-noun runs, lower-cased
  numbers: NumberMention[];
  dates: EventDate[];
  articleDates: EventDate[]; // the dates of the passage's article, when known (see Passage)
  negations: string[]; // the negating words, in order
  // [lemma, antonym] for each content word (not a name, number or verb) that WordNet gives an antonym
  opposites: [string, string][];
  // Words that report a claim without asserting it ("reportedly", "claims"), in order
  hedges: string[];
  question: boolean;
  publishedAt: Date | null;
  centroid: Float32Array; // idf-weighted mean of the content words' vectors, unit length
  lemmas: string[]; // every token's lemma, in order
  lemmaSet: Set<string>;
  // Set-valued measures as sorted, distinct 53-bit hashes, intersected by merging: the scorer
  // compares every claim with every candidate, so it never hashes a string per pair.
  grams: [Float64Array, Float64Array, Float64Array]; // lemma 1-, 2- and 3-grams
  chars: Float64Array; // character trigrams of the lower-cased text
  lemmaIds: Float64Array; // every token's lemma, hashed, in order
  // Per content token (in `content` order), packed for the alignment loop: hashes of lemma and
  // word, vector row (-1 unknown), 1 when matched by identity only (a name or a number), and the
  // int8 vectors one after another (zeros for unknown words).
  cLemma: Float64Array;
  cWord: Float64Array;
  cVec: Int32Array;
  cIdentity: Uint8Array;
  cData: Int8Array;
  contentPos: Int32Array; // token index -> position in `content`, -1 for other tokens
  nameParts: string[][]; // each name's words
};

function grams(xs: string[], n: number): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + n <= xs.length; i++) out.add(n === 1 ? xs[i] : xs.slice(i, i + n).join(" "));
  return out;
}

function charGrams(text: string): Set<string> {
  const t = text.toLowerCase().replace(/\s+/g, " ");
  const out = new Set<string>();
  for (let i = 0; i + 3 <= t.length; i++) out.add(t.slice(i, i + 3));
  return out;
}

const nlp = winkNLP(model);
const its = nlp.its;

// Closed-class negators of English; "n't" arrives as its own token.
const NEGATORS = new Set(["not", "n't", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without", "cannot"]);
const CONTENT_POS = new Set(["NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM"]);

let vocabularySize: number | undefined;
function idfOf(vec: number): number {
  // Frequency rank in the vocabulary stands in for document frequency: Zipf's law makes log-rank
  // proportional to log inverse frequency. Unknown words are treated as the rarest.
  const size = (vocabularySize ??= loadVectors().index.size);
  return vec < 0 ? 1 : Math.log(10 + vec) / Math.log(10 + size);
}

// Reportive hedges: a passage that says someone claims, or that it is reportedly so, passes a claim
// on without asserting it. The issue's own examples ("reportedly", "claims", "allegedly") and their
// two synonyms; modal hedges ("may", "could", "likely") are left to the model, because evidence
// sentences use them as plain content (decision 034 measured both).
const REPORTIVE = new Set(["allegedly", "reportedly", "purportedly", "supposedly", "claim"]);

// A headline in title case capitalises every word, and the tagger reads "Man Mauled By Bear" as a
// name. There, a capitalised word is a name only if WordNet does not know it mostly as a common
// word; its inflections are looked up by their stem ("Mauled", "Says", "Denies").
const TITLE_CASE_MIN_WORDS = 3; // capitalised words of four letters or more after the first: fewer tell nothing
function isTitleCase(values: string[], types: string[]): boolean {
  let capital = 0;
  for (let i = 1; i < values.length; i++) {
    const v = values[i];
    if (types[i] !== "word" || v.length < 4) continue;
    // Sentence case leaves every common word lower-cased; title case only some short function words.
    if (!/^\p{Lu}/u.test(v)) {
      if (!STOP.has(v)) return false;
    } else capital++;
  }
  return capital >= TITLE_CASE_MIN_WORDS;
}
const INFLECTIONS: [RegExp, string][] = [
  [/ies$/, "y"],
  [/ied$/, "y"],
  [/es$/, ""],
  [/s$/, ""],
  [/ed$/, ""],
  [/ed$/, "e"],
  [/ing$/, ""],
  [/ing$/, "e"],
];
function commonWord(word: string, lemma: string): boolean {
  const common = loadCommonWords();
  if (common.has(word) || common.has(lemma)) return true;
  return INFLECTIONS.some(([end, put]) => end.test(word) && common.has(word.replace(end, put)));
}

// A title-case passage written as a sentence would be: every word after the first that is a stop
// word or a common word in lower case, names as they were. The tagger then reads its verbs as verbs
// ("Mauled", "Says") and lemmatises them.
function sentenceCase(text: string): string {
  let first = true;
  return text.replace(/\p{L}[\p{L}'’]*/gu, (w) => {
    if (first) {
      first = false;
      return w;
    }
    const lower = w.toLowerCase();
    const stem = lower.replace(/['’]s$/, "");
    return STOP.has(lower) || STOP.has(stem) || commonWord(stem, stem) ? lower : w;
  });
}

export function analyzePassage(p: Passage): Analysis {
  let text = fold(p.text);
  let doc = nlp.readDoc(text);
  let values = doc.tokens().out(its.value) as string[];
  let types = doc.tokens().out(its.type) as string[];
  const titleCase = isTitleCase(values, types);
  if (titleCase) {
    doc = nlp.readDoc((text = sentenceCase(text)));
    values = doc.tokens().out(its.value) as string[];
    types = doc.tokens().out(its.type) as string[];
  }
  const pos = doc.tokens().out(its.pos) as string[];
  const lemmas = doc.tokens().out(its.lemma as Parameters<ReturnType<typeof doc.tokens>["out"]>[0]) as string[];
  const toks: Tok[] = [];
  const names: string[] = [];
  const negations: string[] = [];
  const hedges: string[] = [];
  let run: string[] = [];
  const closeRun = () => {
    if (run.length) names.push(run.join(" "));
    run = [];
  };
  values.forEach((raw, i) => {
    const word = raw.toLowerCase();
    const lemma = (lemmas[i] ?? word).toLowerCase();
    if (NEGATORS.has(word) || NEGATORS.has(lemma)) negations.push(word);
    if (REPORTIVE.has(word) || REPORTIVE.has(lemma)) hedges.push(word);
    const isWord = types[i] === "word" || types[i] === "number";
    const name = pos[i] === "PROPN" && /^\p{Lu}/u.test(raw) && !(titleCase && commonWord(word, lemma));
    if (name) run.push(word.replace(/'s$/, ""));
    else closeRun();
    if (!isWord) return;
    const vec = wordId(word) >= 0 ? wordId(word) : wordId(lemma);
    const content = CONTENT_POS.has(pos[i]) && !STOP.has(word) && !NEGATORS.has(word) && word.length > 1;
    toks.push({ word, lemma, pos: pos[i], vec, content, name, idf: idfOf(vec) });
  });
  closeRun();

  const dates = extractEventDates(text, p.publishedAt ?? null);
  // Month and weekday names are proper nouns to the tagger but dates to us.
  const dateWords = new Set(dates.flatMap((d) => d.label.toLowerCase().split(/[^\p{L}]+/u)));
  const people = names
    .map((n) =>
      n
        .split(" ")
        .filter((w) => !dateWords.has(w))
        .join(" "),
    )
    .filter(Boolean);
  if (p.context) for (const n of analyzePassage({ text: p.context, publishedAt: p.publishedAt }).names) if (!people.includes(n)) people.push(n);
  const numbers = extractNumbers(
    text,
    dates.map((d) => [d.start, d.end] as [number, number]),
  );
  const content = toks.flatMap((t, i) => (t.content ? [i] : []));
  const centroid = new Float32Array(DIMS);
  for (const i of content) if (toks[i].vec >= 0 && !toks[i].name) addInto(centroid, toks[i].vec, toks[i].idf);
  const n = Math.hypot(...centroid);
  if (n > 0) for (let k = 0; k < DIMS; k++) centroid[k] /= n;
  const lemmaList = toks.map((t) => t.lemma);
  const { data } = loadVectors();
  const cData = new Int8Array(content.length * DIMS);
  content.forEach((i, k) => {
    if (toks[i].vec >= 0) cData.set(data.subarray(toks[i].vec * DIMS, (toks[i].vec + 1) * DIMS), k * DIMS);
  });
  const contentPos = new Int32Array(toks.length).fill(-1);
  content.forEach((i, k) => (contentPos[i] = k));
  const antonyms = loadAntonyms();
  const opposites: [string, string][] = [];
  for (const i of content) {
    const t = toks[i];
    // Verbs are left out: on the fit's training pairs a verb and its antonym across two passages
    // marked a contradiction 7 times in 17 ("came" / "went" tell one trip two ways), adjectives,
    // nouns and adverbs 31 times in 38 (decision 019).
    if (t.name || t.pos === "NUM" || t.pos === "VERB") continue;
    for (const y of antonyms.get(t.lemma) ?? []) if (!opposites.some(([p, q]) => p === t.lemma && q === y)) opposites.push([t.lemma, y]);
  }
  return {
    text,
    toks,
    content,
    names: people,
    numbers,
    dates,
    articleDates: p.articleDates ?? [],
    negations,
    opposites,
    hedges,
    question: /\?\s*$/.test(text),
    publishedAt: p.publishedAt ?? null,
    centroid,
    lemmas: lemmaList,
    lemmaSet: new Set(lemmaList),
    grams: [hashedSet(grams(lemmaList, 1)), hashedSet(grams(lemmaList, 2)), hashedSet(grams(lemmaList, 3))],
    chars: hashedSet(charGrams(text)),
    lemmaIds: Float64Array.from(lemmaList, hash53),
    cLemma: Float64Array.from(content, (i) => hash53(toks[i].lemma)),
    cWord: Float64Array.from(content, (i) => hash53(toks[i].word)),
    cVec: Int32Array.from(content, (i) => toks[i].vec),
    cIdentity: Uint8Array.from(content, (i) => (toks[i].name || toks[i].pos === "NUM" ? 1 : 0)),
    cData,
    contentPos,
    nameParts: people.map((n) => n.split(" ")),
  };
}

const DAY = 86_400_000;
/** Dates more than this many days apart are two events; a report's own event spans this much before its latest date. */
export const EVENT_GAP_DAYS = 7;

/**
 * Dates the passage mentions, resolved against its publication date. Without a publication date
 * only explicit day-and-month dates count: "Monday" or "last month" mean nothing without one.
 */
// chrono-node costs milliseconds on a sentence with a date and little without; most claims have
// none, so it runs only where a month, weekday, relative day or numeric date appears.
const MAYBE_DATE =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\b|\b(?:yesterday|today|tonight|tomorrow|ago|last|next|earlier|week|month|year)\b|\d{1,4}[/-]\d{1,2}/i;

// chrono reads a count after a comma as a year or a day: "In March, 38 people died" as March 2038,
// "By September, 17 schools" as 17 September. A date is not written so; the count is a number.
const COUNT_AFTER_COMMA = /,\s*\d{1,2}$/;
// What chrono is sure of that places a day: a result sure of none of these is a time of day alone.
const DAY_PARTS = ["year", "month", "day", "weekday"] as const;

function parseDates(text: string, ref: Date): chrono.ParsedResult[] {
  return chrono.parse(text, ref, { forwardDate: false }).flatMap((r) => {
    // A time of day names no day ("after a night of torrential rain"; "this morning" is today's). Chrono also lets one swallow
    // the date that follows it ("the night of Sept. 3, 2023" read as tonight): read the rest alone.
    if (!DAY_PARTS.some((c) => r.start.isCertain(c)) && !/^this\s/i.test(r.text)) {
      const rest = r.text.replace(/^\S+\s*/, "");
      const at = r.index + r.text.length - rest.length;
      return rest ? parseDates(rest, ref).map((h) => Object.assign(h, { index: at + h.index })) : [];
    }
    if (!COUNT_AFTER_COMMA.test(r.text)) return [r];
    const head = r.text.replace(COUNT_AFTER_COMMA, "");
    return chrono.parse(head, ref, { forwardDate: false }).map((h) => Object.assign(h, { index: r.index + h.index }));
  });
}

// The day a statement was made is not always the day of what it reports: "seven people were killed,
// the government said on Wednesday" after a collapse on Tuesday. A date right after a verb of saying
// dates the saying (EventDate.said).
const SAID_BEFORE = /\b(?:said|says|told(?:\s+\p{L}+){0,2}|announced|added|stated|confirmed|declared|reported|wrote)\s+(?:late\s+|early\s+)?(?:on\s+)?$/iu;
// "Until Friday", "by Monday", "next Tuesday": a weekday the report looks forward to.
const AHEAD_BEFORE = /\b(?:until|till|by|before|next|from|through|starting)\s+$/i;

// A length of time is not a point in time: "skipped for eight months", "in the last six months",
// "over the past year", "within two weeks" name no day an event happened on, and chrono would put
// them months before or after publication. "Three months ago" and "last month" do name one.
const SPAN =
  /\b(?:(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|couple of)\s+(?:second|minute|hour|day|week|month|year|decade)s?|past\s+(?:week|month|year|decade))\b/i;

export function extractEventDates(text: string, publishedAt: Date | null): EventDate[] {
  const ref = publishedAt ?? new Date(Date.UTC(2000, 0, 1));
  const out: EventDate[] = [];
  const found = MAYBE_DATE.test(text) ? parseDates(text, ref) : [];
  // Without a publication date a relative expression ("last week", "3 days ago", "today at 3pm",
  // or an outlet named TODAY) has nothing to be resolved against: a date counts only if what chrono
  // is certain of reads the same against another reference day.
  const absolute = publishedAt || !found.length ? null : parseDates(text, new Date(Date.UTC(2010, 6, 15)));
  for (const r of found) {
    const s = r.start;
    const explicitDay = s.isCertain("day") && s.isCertain("month");
    if (!publishedAt && !explicitDay && !s.isCertain("year")) continue;
    if (absolute) {
      const twin = absolute.find((o) => o.index === r.index && o.text === r.text);
      const parts = (["year", "month", "day"] as const).filter((c) => s.isCertain(c));
      if (!twin || parts.some((c) => twin.start.get(c) !== s.get(c))) continue;
    }
    // A bare number is a number, not a date ("on 15" is rare in news; "15 people" is common).
    if (/^\d{1,2}$/.test(r.text.trim())) continue;
    if (SPAN.test(r.text) && !/\bago\b/i.test(r.text)) continue;
    const before = text.slice(0, r.index);
    let when = s.date();
    // A weekday in a news report names the most recent such day, not the next one, unless the
    // report looks ahead to it ("suspended until Friday").
    if (publishedAt && when.getTime() > publishedAt.getTime() + DAY && !s.isCertain("month") && !AHEAD_BEFORE.test(before))
      when = new Date(when.getTime() - 7 * DAY);
    // "Last year", "this year", "two years ago": the year alone, whatever month chrono fills in.
    const yearOnly = /\byears?\b/i.test(r.text) && !s.isCertain("month");
    const known = (c: "year" | "month" | "day") =>
      s.isCertain(c) ||
      (!!publishedAt && !yearOnly && (c !== "day" || !!s.get("weekday") || s.isCertain("day") || /\b(?:yesterday|today|tonight)\b/i.test(r.text)));
    const y = s.isCertain("year") || publishedAt ? when.getUTCFullYear() : null;
    const m = known("month") || (publishedAt && known("day")) ? when.getUTCMonth() + 1 : null;
    const d = known("day") && m !== null ? when.getUTCDate() : null;
    if (m === null && y === null) continue;
    out.push({ y, m, d, label: r.text.trim(), start: r.index, end: r.index + r.text.length, ...(SAID_BEFORE.test(before) ? { said: true } : {}) });
  }
  // A year on its own ("founded in 1962") is a date chrono leaves alone.
  for (const m of text.matchAll(/\b(1[6-9]\d\d|20\d\d)\b/g)) {
    const start = m.index,
      end = m.index + m[0].length;
    if (out.some((d) => start < d.end && end > d.start)) continue;
    out.push({ y: Number(m[1]), m: null, d: null, label: m[0], start, end });
  }
  return out.sort((x, y) => x.start - y.start);
}

/**
 * The dates of the event an article reports, for its sentences that name none: of the dates it
 * names known at least to the month and year (resolved against its publication date), the latest
 * one not after its publication (the latest of all without one, or when all are after it), with
 * every date within EVENT_GAP_DAYS of it. Older dates are background the report recalls ("In March,
 * 38 people died when another ferry sank"): a report of a new sinking that recalls the last one is
 * still a report of the new one, and its undated sentences tell the new one (decision 036, amended).
 */
export function articleEventDates(text: string, publishedAt: Date | null): EventDate[] {
  const dated = extractEventDates(text, publishedAt).filter((d) => d.y !== null && d.m !== null);
  if (!dated.length) return dated;
  const start = (d: EventDate) => Date.UTC(d.y!, d.m! - 1, d.d ?? 1);
  const end = (d: EventDate) => (d.d !== null ? start(d) : Date.UTC(d.y!, d.m!, 0));
  const limit = publishedAt ? publishedAt.getTime() + DAY : Infinity;
  const before = dated.filter((d) => start(d) <= limit);
  const pool = before.length ? before : dated;
  const latest = Math.max(...pool.map((d) => Math.min(end(d), limit)));
  return pool.filter((d) => end(d) >= latest - EVENT_GAP_DAYS * DAY);
}

export type DateRelation = { kind: "same" | "compatible" | "differ"; gapDays: number };

export function compareEventDates(a: EventDate, b: EventDate): DateRelation {
  if (a.m !== null && b.m !== null && a.d !== null && b.d !== null) {
    const ya = a.y ?? b.y ?? 2000,
      yb = b.y ?? a.y ?? 2000;
    const gap = Math.abs(Date.UTC(ya, a.m - 1, a.d) - Date.UTC(yb, b.m - 1, b.d)) / DAY;
    return { kind: gap === 0 ? "same" : "differ", gapDays: gap };
  }
  // The same year, or the same month of one year, named on both sides ("built in 1962"; "in
  // September" and "last month" a month later): the same date, as far as either says.
  if (a.y === b.y && a.m === b.m && a.d === b.d && (a.y !== null || a.m !== null)) return { kind: "same", gapDays: 0 };
  if (a.y !== null && b.y !== null && a.y !== b.y) return { kind: "differ", gapDays: Math.abs(a.y - b.y) * 365 };
  if (a.m !== null && b.m !== null && a.m !== b.m) {
    // A year named on one side only stands for both, whichever side names it.
    const ya = a.y ?? b.y ?? 2000,
      yb = b.y ?? a.y ?? 2000;
    const gap = Math.abs(Date.UTC(ya, a.m - 1, 15) - Date.UTC(yb, b.m - 1, 15)) / DAY;
    return { kind: "differ", gapDays: gap };
  }
  return { kind: "compatible", gapDays: 0 };
}
