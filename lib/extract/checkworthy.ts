import fitted from "./checkworthy-weights.json" with { type: "json" };
import { COMPARATIVE_RE, DATE_RE, HEDGES_RE, OPINION_RE, SPEECH_VERB_RE, SUPERLATIVE_RE } from "./lexicon";

// A logistic model over hand-built features. The weights were fitted offline (plain L2 logistic
// regression, eval/fit-checkworthy.ts, l2 1) on the ClaimBuster sentences with sentence_id % 4 === 0
// (half of the dev set: its ids are all even) and checked on the other half; `npm run fit -- checkworthy`
// rebuilds checkworthy-weights.json, read here, so scoring needs nothing downloaded or trained at
// run time.

const NUMBER_RE = /\d/;
const QUANTITY_WORD_RE =
  /\b(?:hundreds?|thousands?|millions?|billions?|trillions?|percent|per cent|dozens?|half|twice|double|triple|quarter|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b|%/i;
const MONEY_RE = /[$€£]|\b(?:dollars?|euros?|pounds|budget|deficit|debt|tax(?:es)?|spending|funding)\b/i;
const FIRST_SINGULAR_RE = /\b(?:I|me|my|mine|I'm|I've|I'll|I'd)\b/;
const SECOND_PERSON_RE = /\b(?:you|your|yours|you're|you've)\b/i;
const FIRST_PLURAL_RE = /\b(?:we|our|us|we're|we've|we'll)\b/i;
const FUTURE_RE = /\b(?:will|would|going to|gonna|'ll)\b|’ll/i;
const PAST_RE = /\b(?:was|were|had|did|has been|have been)\b|\b[a-z]{3,}ed\b/i;
const NEGATION_RE = /\b(?:not|no|never|nothing)\b|n['’]t\b/i;
const CHATTER_RE =
  /^(?:well|yes|no|oh|thank|thanks|look|listen|okay|ok|now|so|let me|let's)\b|\b(?:thank you|let me|i'm sorry|ladies and gentlemen|applause|laughter)\b/i;
const INSTITUTION_RE =
  /\b(?:government|administration|congress|senate|parliament|ministry|military|army|troops|forces|police|court|law|bill|legislation|treaty|program|agency|president|minister|leader|state|states|union|country|countries|nation|war|election|vote|voted|jobs|unemployment|economy|inflation|crime|oil|energy|health|insurance)\b/i;
const OBLIGATION_RE = /\b(?:need to|needs to|have to|has to|got to|ought to|should|must|let's|let us)\b/i;
const EXISTENTIAL_RE = /\bthere (?:is|are|was|were|has been|have been)\b|\bin fact\b|\bthe fact\b/i;
const PERFECT_RE =
  /\b(?:has|have|had)(?:n['’]t)? (?:\w+ly )?(?:been|[a-z]+ed|gone|done|made|given|taken|seen|grown|cut|put|spent|won|lost|built|brought|paid)\b/i;
const PERCENT_RE = /%|\bper ?cent\b/i;
const VAGUE_RE = /\b(?:uh|um|something|things?|stuff|somebody|everybody|anybody|people)\b/i;
// Function words that open sentences; any other capitalised opener is most likely a name.
const OPENERS_RE =
  /^(?:the|a|an|and|but|or|so|if|when|while|as|at|in|on|of|for|to|with|by|from|after|before|since|during|this|that|these|those|there|here|it|its|he|she|they|we|i|you|my|our|your|his|her|their|what|who|how|why|where|which|now|then|well|yes|no|not|all|some|many|any|every|each|one|let|let's|because|although|though|even|also|just|only|today|tomorrow|yesterday|mr|mrs|ms)$/i;
// Pronouns and opinion words inside a quotation belong to the quoted speaker, not to the writer.
const QUOTED_RE = /[“"][^”"]*[”"]/g;
const WORD_RE = /[A-Za-z][A-Za-z'’.-]*|\d[\d,.:]*/g;
// Forecasts: modal verbs and "is likely / expected / set to". Hedged ones (could, may, likely) are
// guesses whoever makes them; a plain "will" after a reporting verb is what someone said they would
// do, which can be checked. Grammar, not topic.
const MODAL_RE =
  /\b(?:(?:is|are|was|were|seems?|appears?)\s+(?:likely|unlikely|expected|set|poised|bound|due)\s+to|will|would|could|may|might|shall|going to)\b|’ll|'ll/i;
const HEDGED_RE = /\b(?:likely|unlikely|probably|possibly|perhaps|could|may|might)\b/i;

function forecast(unquoted: string): "forecast" | "stated" | null {
  const m = MODAL_RE.exec(unquoted);
  if (!m) return null;
  const speech = SPEECH_VERB_RE.exec(unquoted);
  return speech && speech.index < m.index && !HEDGED_RE.test(unquoted.slice(speech.index)) ? "stated" : "forecast";
}

export const FEATURE_NAMES = [
  "bias",
  "number",
  "quantityWord",
  "money",
  "date",
  "properNouns",
  "speech",
  "comparative",
  "superlative",
  "hedge",
  "question",
  "opinion",
  "firstSingular",
  "secondPerson",
  "firstPlural",
  "future",
  "past",
  "negation",
  "chatter",
  "institution",
  "logLength",
  "short",
  "obligation",
  "existential",
  "perfect",
  "percent",
  "vague",
  "numberCount",
  "forecast",
  "statedIntent",
] as const;

export function features(sentence: string): number[] {
  const s = sentence.trim();
  const words = s.match(WORD_RE) ?? [];
  // Capitalised words are the cheapest stand-in for named entities; the first word counts only
  // when it is not a function word capitalised by position.
  const isName = (w: string) => /^[A-Z]/.test(w) && !/^I(?:'|’|$)/.test(w);
  const opener = words[0] ?? "";
  const proper = words.slice(1).filter(isName).length + (isName(opener) && !OPENERS_RE.test(opener.replace(/['’]s$/, "")) ? 1 : 0);
  const unquoted = s.replace(QUOTED_RE, " ");
  const has = (re: RegExp) => (re.test(s) ? 1 : 0);
  const hasOutside = (re: RegExp) => (re.test(unquoted) ? 1 : 0);
  return [
    1,
    has(NUMBER_RE),
    has(QUANTITY_WORD_RE),
    has(MONEY_RE),
    has(DATE_RE),
    Math.log1p(proper),
    has(SPEECH_VERB_RE),
    has(COMPARATIVE_RE),
    has(SUPERLATIVE_RE),
    has(HEDGES_RE),
    /\?\s*["”’)]*$/.test(s) ? 1 : 0,
    hasOutside(OPINION_RE),
    hasOutside(FIRST_SINGULAR_RE),
    hasOutside(SECOND_PERSON_RE),
    hasOutside(FIRST_PLURAL_RE),
    has(FUTURE_RE),
    has(PAST_RE),
    has(NEGATION_RE),
    hasOutside(CHATTER_RE),
    has(INSTITUTION_RE),
    Math.log1p(words.length),
    words.length < 7 ? 1 : 0,
    hasOutside(OBLIGATION_RE),
    has(EXISTENTIAL_RE),
    has(PERFECT_RE),
    has(PERCENT_RE),
    has(VAGUE_RE),
    Math.log1p((s.match(/\d[\d,.]*/g) ?? []).length),
    forecast(unquoted) === "forecast" ? 1 : 0,
    forecast(unquoted) === "stated" ? 1 : 0,
  ];
}

// Same order as FEATURE_NAMES (checkworthy-weights.test.ts checks it, and that a fresh fit gives
// exactly these numbers).
export const WEIGHTS: readonly number[] = fitted.weights;

// The F1-best cut-off on the fitting half; scores are calibrated to ClaimBuster's 29% base rate.
export const CHECKWORTHY_THRESHOLD: number = fitted.threshold;

function logistic(x: number[]): number {
  let z = 0;
  for (let i = 0; i < x.length; i++) z += x[i] * (WEIGHTS[i] ?? 0);
  return 1 / (1 + Math.exp(-z));
}

// Where a sentence's main clause ends and its background begins.
const SUBORDINATE_RE = /,\s+(?:as|since|because|after|while|although|though|which|who|whose|where|when|amid|following)\b|\s[—–]\s|;\s/;

/**
 * A sentence is as checkable as its main assertion: when the main clause is a forecast, the facts in
 * its background clauses ("…, since they toppled the government on July 26") do not make the
 * forecast checkable, so it scores as its main clause would alone. `whole` is the score of the
 * whole sentence, background included.
 */
export function scores(sentence: string): { checkworthiness: number; whole: number } {
  const whole = logistic(features(sentence));
  const cut = SUBORDINATE_RE.exec(sentence);
  if (!cut) return { checkworthiness: whole, whole };
  const main = sentence.slice(0, cut.index);
  return { checkworthiness: forecast(main.replace(QUOTED_RE, " ")) === "forecast" ? Math.min(whole, logistic(features(main))) : whole, whole };
}

export function checkworthiness(sentence: string): number {
  return scores(sentence).checkworthiness;
}
