export type Sentence = { text: string; start: number; end: number };

// Words that take a trailing period without ending a sentence. Titles and months are followed
// by a name or a number far more often than by a full stop.
const TITLES = new Set([
  "mr",
  "mrs",
  "ms",
  "dr",
  "st",
  "gen",
  "col",
  "lt",
  "sgt",
  "capt",
  "cpt",
  "maj",
  "adm",
  "cmdr",
  "gov",
  "sen",
  "rep",
  "rev",
  "prof",
  "pres",
  "hon",
  "fr",
  "mt",
  "ft",
  "vs",
  "v",
  "cf",
  "e.g",
  "i.e",
  "approx",
  "dept",
  "univ",
]);
// These end a name and so may also end a sentence ("… Apple Inc. The company …").
const SUFFIXES = new Set(["jr", "sr", "inc", "corp", "co", "ltd", "bros", "plc"]);
const MONTHS = new Set(["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]);
// After an acronym such as "U.S." a capital can be a name ("U.S. Army") or a new sentence; these
// are the words that make the new-sentence reading the likelier one.
const SENTENCE_OPENERS = new Set([
  "the",
  "a",
  "an",
  "he",
  "she",
  "it",
  "they",
  "we",
  "i",
  "this",
  "that",
  "these",
  "those",
  "but",
  "and",
  "in",
  "on",
  "at",
  "however",
  "his",
  "her",
  "their",
  "its",
  "our",
  "there",
  "after",
  "when",
  "while",
  "as",
  "if",
  "since",
  "meanwhile",
  "yet",
  "so",
  "for",
  "what",
]);

const OPEN_QUOTES = '“‘"';
const CLOSERS = "\"”’')]";

// A quotation that closes on a comma (`…,” said X.`) or on ?/! followed by a lower-case word is one
// statement cut by its attribution, so the full stops inside it must not split it.
function protectedQuotes(para: string): [number, number][] {
  const spans: [number, number][] = [];
  let open = -1;
  for (let i = 0; i < para.length; i++) {
    const ch = para[i];
    const straightOpens = ch === '"' && open < 0 && (i === 0 || /[\s([—–-]/.test(para[i - 1]));
    if (ch === "“" || straightOpens) {
      open = i;
    } else if ((ch === "”" || ch === '"') && open >= 0) {
      const before = para[i - 1];
      const after = para.slice(i + 1).match(/^\s*(\S)/)?.[1] ?? "";
      if (before === "," || (/[?!]/.test(before) && /[a-z]/.test(after))) spans.push([open, i]);
      open = -1;
    }
  }
  return spans;
}

function isBoundary(para: string, dot: number, next: number): boolean {
  const ch = para[dot];
  if (ch !== ".") return true;
  if (para.slice(dot - 2, dot + 1) === "...") return /[A-Z]/.test(para[next] ?? "");
  const word = para.slice(0, dot).match(/([A-Za-z][A-Za-z.]*)$/)?.[1] ?? "";
  const lower = word.toLowerCase();
  const nextWord = (para.slice(next).match(/^["“‘(]*([A-Za-z]+|\d+)/)?.[1] ?? "").toLowerCase();
  if (TITLES.has(lower)) return false;
  if (lower === "no" && /^\d/.test(nextWord)) return false;
  if (MONTHS.has(lower)) return !/^\d/.test(nextWord) && SENTENCE_OPENERS.has(nextWord);
  // Initials ("J. Smith") and dotted acronyms ("U.S.", "a.m.").
  if (SUFFIXES.has(lower) || /^[A-Za-z]$/.test(word) || /^(?:[A-Za-z]\.)+[A-Za-z]$/.test(word)) {
    return SENTENCE_OPENERS.has(nextWord);
  }
  return true;
}

function splitParagraph(para: string, offset: number, out: Sentence[]): void {
  const quotes = protectedQuotes(para);
  const inQuote = (i: number) => quotes.some(([a, b]) => i > a && i < b);
  const re = /[.!?]+/g;
  let start = 0;
  for (let m = re.exec(para); m; m = re.exec(para)) {
    let end = m.index + m[0].length;
    while (end < para.length && CLOSERS.includes(para[end])) end++;
    const gap = para.slice(end).match(/^\s+/)?.[0].length ?? 0;
    const next = end + gap;
    if (gap === 0 || next >= para.length) continue;
    // A new sentence starts with a capital, a digit or an opening quote or bracket.
    if (!/[A-Z0-9(]/.test(para[next]) && !OPEN_QUOTES.includes(para[next])) continue;
    if (inQuote(m.index)) continue;
    if (!isBoundary(para, m.index + m[0].length - 1, next)) continue;
    push(para, start, end, offset, out);
    start = next;
  }
  push(para, start, para.length, offset, out);
}

function push(para: string, start: number, end: number, offset: number, out: Sentence[]): void {
  const raw = para.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  if (text) out.push({ text, start: offset + start + lead, end: offset + start + lead + text.length });
}

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  // A blank line always ends a sentence: headlines and captions carry no full stop.
  const paraRe = /\n[ \t]*\n/g;
  let start = 0;
  for (let m = paraRe.exec(text); ; m = paraRe.exec(text)) {
    const end = m ? m.index : text.length;
    splitParagraph(text.slice(start, end), start, out);
    if (!m) break;
    start = m.index + m[0].length;
  }
  return out;
}
