import { CHECKWORTHY_THRESHOLD, checkworthiness } from "./checkworthy";
import { classifyKind, findAttribution, type ClaimKind } from "./kinds";
import { splitSentences } from "./sentences";

export type { ClaimKind } from "./kinds";
export type ExtractedClaim = {
  text: string;
  start: number;
  end: number;
  prefix: string;
  suffix: string;
  kind: ClaimKind;
  checkworthiness: number;
  attribution: string | null;
};

export const DEFAULT_THRESHOLD: number = CHECKWORTHY_THRESHOLD;

export const CONTEXT = 32;
const MIN_WORDS = 6;

// Headlines, captions and other fragments carry no full stop; a claim is a whole sentence.
function isWholeSentence(s: string): boolean {
  return /[.!]["”’)]*$/.test(s) && s.split(/\s+/).length >= MIN_WORDS;
}

// Statements of what is not known, and invitations to the reader, assert nothing to check.
const NON_CLAIM_RE =
  /\b(?:it (?:is|was|remains) (?:unclear|not clear|unknown|not known)|it remains to be seen|if you want to|you can (?:click|read|find|learn|watch|listen|follow))\b/i;

export function extractClaims(text: string, opts: { threshold?: number } = {}): ExtractedClaim[] {
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
  const claims: ExtractedClaim[] = [];
  for (const s of splitSentences(text)) {
    if (!isWholeSentence(s.text) || NON_CLAIM_RE.test(s.text)) continue;
    const score = checkworthiness(s.text);
    if (score < threshold) continue;
    claims.push({
      text: s.text,
      start: s.start,
      end: s.end,
      prefix: text.slice(Math.max(0, s.start - CONTEXT), s.start),
      suffix: text.slice(s.end, s.end + CONTEXT),
      kind: classifyKind(s.text),
      checkworthiness: score,
      attribution: findAttribution(s.text),
    });
  }
  return claims;
}
