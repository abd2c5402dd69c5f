import { CHECKWORTHY_THRESHOLD, checkworthiness, scores } from "./checkworthy";
import { classifyKind, findAttribution, type ClaimKind } from "./kinds";
import { splitSentences, type Sentence } from "./sentences";

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
  // The sentence before a pronoun-led claim, which names who "they" or "he" are.
  context: string | null;
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

// Personal and demonstrative pronouns point back to an earlier sentence for their subject.
const PRONOUN_LEAD_RE = /^["“‘']?(?:he|she|they|it|his|her|its|their|them|this|these|those)\b/i;
export function isPronounLed(sentence: string): boolean {
  return PRONOUN_LEAD_RE.test(sentence.trim());
}

// The nearest whole sentence before `start`: what a pronoun-led claim's subject is named in.
export function antecedent(text: string, start: number, sentences: Sentence[] = splitSentences(text)): string | null {
  const before = sentences.filter((s) => s.end <= start && isWholeSentence(s.text));
  return before.length ? before[before.length - 1].text : null;
}

// A claim over any span of the article, as the extractor would describe it: used for the
// extractor's own sentences and for spans a reviewer adds or adjusts.
export function describeSpan(text: string, start: number, end: number, sentences?: Sentence[]): ExtractedClaim {
  const claim = text.slice(start, end);
  return {
    text: claim,
    start,
    end,
    prefix: text.slice(Math.max(0, start - CONTEXT), start),
    suffix: text.slice(end, end + CONTEXT),
    kind: classifyKind(claim),
    checkworthiness: checkworthiness(claim),
    attribution: findAttribution(claim),
    context: isPronounLed(claim) ? antecedent(text, start, sentences) : null,
  };
}

export function extractClaims(text: string, opts: { threshold?: number } = {}): ExtractedClaim[] {
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
  const claims: ExtractedClaim[] = [];
  const sentences = splitSentences(text);
  for (const s of sentences) {
    if (!isWholeSentence(s.text) || NON_CLAIM_RE.test(s.text)) continue;
    // A forecast with factual background is queued for its background (a reviewer can split it at
    // the clause break) but ranked by its forecast, below the facts.
    if (scores(s.text).whole < threshold) continue;
    const claim = describeSpan(text, s.start, s.end, sentences);
    // A pronoun with nothing before it to name its subject cannot be checked.
    if (isPronounLed(s.text) && !claim.context) continue;
    claims.push(claim);
  }
  return claims;
}
