import { DATE_RE, EVENT_WORDS_RE, PRONOUNS, SPEECH_VERB_RE, SPEECH_VERBS } from "./lexicon";

export type ClaimKind = "statistic" | "quote" | "attribution" | "event" | "other";

// One or two words in quotation marks are scare quotes ("free", "activation"), not a quotation.
const QUOTATION_RE = /[“"]([^”"]+)[”"]/g;
export function hasDirectQuote(sentence: string): boolean {
  for (const m of sentence.matchAll(QUOTATION_RE)) if (m[1].trim().split(/\s+/).length >= 3) return true;
  return false;
}

const SMALL_NUMBERS =
  "(?<!\\bthe )(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty)|hundreds?|thousands?|millions?|billions?|trillions?|dozens?";
const QUANTITY_RE = new RegExp(`%|\\b(?:${SMALL_NUMBERS}|percent|per cent)\\b|[$€£]\\s?\\d`, "i");

// Digits that are only a date or a clock time say when, not how many.
function numbersOutsideDates(sentence: string): boolean {
  const stripped = sentence
    .replace(new RegExp(DATE_RE.source, "gi"), " ")
    .replace(/\b\d{1,2}:\d{2}\b/g, " ")
    .replace(/\b(?:19|20)\d{2}s?\b/g, " ");
  return /\d/.test(stripped);
}

export function isStatistic(sentence: string): boolean {
  // "three years ago" is a date, not a quantity.
  const withoutAgo = sentence.replace(/\b\w+ (?:days|weeks|months|years|decades) ago\b/gi, " ");
  return numbersOutsideDates(withoutAgo) || QUANTITY_RE.test(withoutAgo);
}

const VERBS = SPEECH_VERBS.join("|");
// Words that may sit inside the name of a speaker: "the Russian president", "Wagner chief Yevgeny Prigozhin".
// Capitalised words in any script ("Ibáñez", "Zárate"), so the flags below include `u`.
const SPEAKER_WORD = String.raw`(?:\p{Lu}[\p{L}\p{M}\d_’'.-]*|the|a|an|some|many|its|his|her|their|[a-z]*(?:ers?|ors?|ents?|ials?|ists?|ysts?|ians?|ies|ments?|ader|esman|eswoman|person|perts|sources|agency|office|ministry|police|army|group|bloc|government))`;
const SPEAKER = String.raw`((?:${SPEAKER_WORD}\s+){0,5}?${SPEAKER_WORD})`;
const GREEDY_SPEAKER = String.raw`((?:${SPEAKER_WORD}\s+){0,5}${SPEAKER_WORD})`;
const ADVERB = String.raw`(?:\s+(?:also|later|previously|earlier|then|had|has|have|further|himself|herself))?`;
// What may follow a speaker named after the verb: `said the Kremlin in a statement`.
const AFTER_SPEAKER = String.raw`(?=\s+(?:in|on|at|during|after|before|when|while|adding|citing|via|to)\b|\s*[,.;:!?]|$)`;

// Ordered from the most to the least specific form of crediting a source.
const ATTRIBUTION_RES = [
  // `…,” said the Kremlin.` / `…,” the Kremlin said.`
  new RegExp(String.raw`[,?!]\s*[”"]\s*(?:${VERBS})\s+${GREEDY_SPEAKER}${AFTER_SPEAKER}`, "u"),
  new RegExp(String.raw`[,?!]\s*[”"]\s*${SPEAKER}${ADVERB}\s+(?:${VERBS})\b`, "u"),
  // `…, the statement said.` at the end of a sentence.
  new RegExp(String.raw`,\s*${SPEAKER}${ADVERB}\s+(?:${VERBS})\b[^,]{0,60}[.!]?$`, "u"),
  /\b[Aa]ccording to ((?:the |a )?[\p{L}\p{M}\d_’'-]+(?: [\p{L}\p{M}\d_’'-]+){0,5}?)(?=[,.;]|$)/u,
  new RegExp(String.raw`(?:^|,\s*|\bthat\s+)${SPEAKER}${ADVERB}\s+(?:${VERBS})\b`, "u"),
  // `Colonel Goita echoed the decision on social media: "We have agreed …"`
  /^((?:\p{Lu}[\p{L}\p{M}\d_’'.-]*\s+){0,3}\p{Lu}[\p{L}\p{M}\d_’'.-]*)\s+[a-z]+(?:ed|s)\b[^“"]*:\s*[“"]/u,
];

function tidySpeaker(raw: string): string | null {
  // A full stop after a plain word ends the sentence; after "U.S" it belongs to the name.
  const s = raw
    .trim()
    .replace(/^(?:The|A|An)\s/, (w) => w.toLowerCase())
    .replace(/(?<!\.[A-Za-z])\.$/, "");
  const words = s.split(/\s+/);
  // A bare pronoun names nobody a reader could check.
  if (words.length === 1 && PRONOUNS.has(words[0].toLowerCase())) return null;
  return s;
}

export function findAttribution(sentence: string): string | null {
  for (const re of ATTRIBUTION_RES) {
    const m = sentence.match(re);
    if (m?.[1]) return tidySpeaker(m[1]);
  }
  return null;
}

export function hasReportedSpeech(sentence: string): boolean {
  // "claimed responsibility" reports a deed, not speech.
  return SPEECH_VERB_RE.test(sentence.replace(/\bclaim(?:ed|s)? responsibility\b/g, ""));
}

// A quotation is the most specific thing to check, then a figure, then who said what, then what happened.
export function classifyKind(sentence: string): ClaimKind {
  if (hasDirectQuote(sentence)) return "quote";
  if (isStatistic(sentence)) return "statistic";
  if (hasReportedSpeech(sentence)) return "attribution";
  if (EVENT_WORDS_RE.test(sentence) || DATE_RE.test(sentence)) return "event";
  return "other";
}
