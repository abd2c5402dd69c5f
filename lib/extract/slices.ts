import { extractClaims, CONTEXT, type ExtractedClaim } from "./extract";

const SLICE_CHARS = 32_000;

// Paragraph-aligned slices of about SLICE_CHARS: a sentence never spans a blank line
// (splitSentences), so extracting slice by slice finds exactly the claims of the whole text.
function slices(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + SLICE_CHARS);
    if (end < text.length) {
      const blank = text.slice(end).search(/\n[ \t]*\n/);
      end = blank < 0 ? text.length : end + blank;
    }
    out.push([start, end]);
    start = end;
  }
  return out;
}

/**
 * extractClaims for long articles without holding the event loop: a 1 MB article takes most of a
 * second of CPU, during which a server answers nothing else. Each slice yields to the event loop
 * before the next, so health checks and other requests are served between slices. The claims
 * (offsets, and context taken from the whole text) are the same as extractClaims(text).
 */
export async function extractClaimsInSlices(text: string, opts: { threshold?: number } = {}): Promise<ExtractedClaim[]> {
  const claims: ExtractedClaim[] = [];
  for (const [start, end] of slices(text)) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    for (const c of extractClaims(text.slice(start, end), opts)) {
      const s = c.start + start;
      const e = c.end + start;
      claims.push({ ...c, start: s, end: e, prefix: text.slice(Math.max(0, s - CONTEXT), s), suffix: text.slice(e, e + CONTEXT) });
    }
  }
  return claims;
}
