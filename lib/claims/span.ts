import { splitSentences, type Sentence } from "../extract/sentences";

// Where a claim may start and end. Pure: the article page and the mutations share it.

export const MAX_CLAIM_CHARS = 3000;
export type Span = { start: number; end: number };

// Trims whitespace off both ends so a claim's text never starts or ends with a blank.
function trim(text: string, s: Span): Span {
  let { start, end } = s;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

/**
 * The span a selection stands for: clamped to the text, widened to the sentences it touches when
 * snapping by sentence, and trimmed. Null when nothing is left or it is longer than a claim may be.
 */
export function snapSpan(text: string, sel: Span, snap: "sentence" | "exact", sentences: Sentence[] = splitSentences(text)): Span | null {
  let span = { start: Math.max(0, Math.min(sel.start, text.length)), end: Math.max(0, Math.min(sel.end, text.length)) };
  if (snap === "sentence") {
    const touched = sentences.filter((s) => s.start < span.end && s.end > span.start);
    if (!touched.length) return null;
    span = { start: touched[0].start, end: touched[touched.length - 1].end };
  }
  span = trim(text, span);
  if (span.end - span.start < 3 || span.end - span.start > MAX_CLAIM_CHARS) return null;
  return span;
}

// Where a claim can be cut in two: after each of its sentences but the last, else after a comma,
// semicolon or dash that leaves at least four words on both sides.
export function splitPoints(text: string, claim: Span): { at: number; before: string }[] {
  const body = text.slice(claim.start, claim.end);
  const inner = splitSentences(body)
    .slice(0, -1)
    .map((s) => s.end);
  const points = inner.length ? inner : [...body.matchAll(/[,;:–—]\s/g)].map((m) => m.index! + 1);
  return points
    .filter((p) => body.slice(0, p).trim().split(/\s+/).length >= 4 && body.slice(p).trim().split(/\s+/).length >= 4)
    .map((p) => ({ at: claim.start + p, before: body.slice(0, p).trim() }));
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}
