import search from "approx-string-match";
import { CONTEXT } from "../extract/extract";

// Re-anchoring a claim on a new version of its article (docs/decisions/023), the way Hypothesis
// places a note on a changed page: the claim's exact words first, chosen among repeats by the text
// around them (prefix, suffix) and where they were; else an approximate match of the words, scored
// the same way. Pure.

export type Quote = { text: string; start: number; prefix: string; suffix: string };
export type Anchor =
  { kind: "exact"; start: number; end: number } | { kind: "changed"; start: number; end: number; text: string; similarity: number } | { kind: "orphaned" };

// An approximate match may differ in at most this share of the claim's characters…
export const MAX_ERROR_RATE = 0.3;
// …and is looked for in a window around where the claim was expected first; the whole text only
// when it is short enough that the search stays cheap (Myers' algorithm: O(errors/32 × length)).
const WINDOW = 4_000;
const WHOLE_TEXT_LIMIT = 200_000;

const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 };

function similarity(a: string, b: string): number {
  if (!a.length) return 1;
  if (!b.length) return 0;
  const m = search(b, a, a.length);
  const errors = m.length ? Math.min(...m.map((x) => x.errors)) : a.length;
  return 1 - errors / a.length;
}

function score(text: string, q: Quote, start: number, end: number, quoteSim: number, hint: number): number {
  const before = text.slice(Math.max(0, start - q.prefix.length), start);
  const after = text.slice(end, end + q.suffix.length);
  const prefixSim = q.prefix ? similarity(q.prefix, before) : 1;
  const suffixSim = q.suffix ? similarity(q.suffix, after) : 1;
  const posSim = 1 - Math.abs(start - hint) / Math.max(1, text.length);
  return WEIGHTS.quote * quoteSim + WEIGHTS.prefix * prefixSim + WEIGHTS.suffix * suffixSim + WEIGHTS.position * posSim;
}

function exactCandidates(text: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(needle); i >= 0 && out.length < 1000; i = text.indexOf(needle, i + 1)) out.push(i);
  return out;
}

function fuzzyCandidates(text: string, q: Quote, hint: number): { start: number; end: number; errors: number }[] {
  const maxErrors = Math.floor(q.text.length * MAX_ERROR_RATE);
  const from = Math.max(0, hint - WINDOW);
  const windowed = search(text.slice(from, hint + q.text.length + WINDOW), q.text, maxErrors).map((m) => ({ ...m, start: m.start + from, end: m.end + from }));
  if (windowed.length || text.length > WHOLE_TEXT_LIMIT) return windowed;
  return search(text, q.text, maxErrors);
}

/** Where a claim's words are in a new text: exactly, changed (approximately), or nowhere. */
export function anchorQuote(text: string, q: Quote, hint = q.start): Anchor {
  const exact = exactCandidates(text, q.text);
  if (exact.length) {
    const best = exact.reduce((a, b) => (score(text, q, b, b + q.text.length, 1, hint) > score(text, q, a, a + q.text.length, 1, hint) ? b : a));
    return { kind: "exact", start: best, end: best + q.text.length };
  }
  const fuzzy = fuzzyCandidates(text, q, hint);
  if (!fuzzy.length) return { kind: "orphaned" };
  let best = fuzzy[0];
  let bestScore = -Infinity;
  for (const m of fuzzy) {
    const s = score(text, q, m.start, m.end, 1 - m.errors / q.text.length, hint);
    if (s > bestScore) [best, bestScore] = [m, s];
  }
  // Whole words: a match that begins or ends inside a word is widened to it.
  let { start, end } = best;
  while (start > 0 && /\w/.test(text[start - 1]) && /\w/.test(text[start])) start--;
  while (end < text.length && /\w/.test(text[end]) && /\w/.test(text[end - 1])) end++;
  return { kind: "changed", start, end, text: text.slice(start, end), similarity: Math.round((1 - best.errors / q.text.length) * 1000) / 1000 };
}

/**
 * Anchors every claim of an article on its new text, in the old text's order. Each claim's expected
 * place is its old place shifted by how far the claim before it moved, so a paragraph added above
 * does not make the search look in the wrong place.
 */
export function anchorClaims<C extends Quote & { id: string }>(newText: string, claims: C[]): Map<string, Anchor> {
  const out = new Map<string, Anchor>();
  const taken: { start: number; end: number }[] = [];
  let shift = 0;
  for (const c of [...claims].sort((a, b) => a.start - b.start)) {
    let a = anchorQuote(newText, c, Math.max(0, c.start + shift));
    // Two claims cannot stand on one passage: when the text held a sentence twice and now once,
    // the second claim has lost its words.
    if (a.kind !== "orphaned" && taken.some((t) => t.start < (a as { end: number }).end && (a as { start: number }).start < t.end)) a = { kind: "orphaned" };
    if (a.kind !== "orphaned") {
      shift = a.start - c.start;
      taken.push({ start: a.start, end: a.end });
    }
    out.set(c.id, a);
  }
  return out;
}

/** The 32 characters either side of a span: a claim's prefix and suffix. */
export const contextOf = (text: string, start: number, end: number) => ({
  prefix: text.slice(Math.max(0, start - CONTEXT), start),
  suffix: text.slice(end, end + CONTEXT),
});
