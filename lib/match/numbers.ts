import { STOP, fold, stem } from "./text";

export type NumberMention = {
  value: number;
  unit: string | null; // stem of the counted noun ("metr", "people", "%")
  approx: "exact" | "min" | "max" | "about";
  context: Set<string>; // content stems nearby, to tell "12 killed" from "9 injured"
  text: string;
  start: number;
  end: number;
};

const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const SCALES: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, m: 1e6, bn: 1e9, k: 1e3 };
const WORD = Object.keys(UNITS).concat(Object.keys(TENS), ["hundred", "thousand", "million", "billion", "trillion", "dozen", "and", "a"]);
const WORDNUM = new RegExp(`\\b(?:${WORD.join("|")})(?:[\\s-]+(?:${WORD.join("|")}))*\\b`, "gi");
const DIGITNUM = /(?<![\w.])(\$|€|£)?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s*(million|billion|trillion|bn|m|k|thousand|hundred)\b)?(\s*(?:%|per ?cent\b))?/gi;
// Dates sit next to numbers all the time without saying what is counted.
const TIME = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*$/;
// A day or a time of day after a number dates it, it does not say what is counted: "the toll rose
// to nine on Wednesday".
const DATE_WORD =
  /^(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tonight|yesterday|morning|afternoon|evening|night)$/;
// Units of measure (length, area, volume, mass, temperature, speed, time). Two numbers in two such
// units are not one quantity told two ways, however close the words: "three kilometres" and a
// "28-metre" dam, "180mm" and "7 inches", "1.5 metres" and "4 million cubic metres".
const MEASURES = new Set(
  (
    "mm millimetre millimeter millimetres millimeters cm centimetre centimeter centimetres centimeters metre meter metres meters " +
    "km kilometre kilometer kilometres kilometers mile miles foot feet ft inch inches yard yards kg kilogram kilograms gram grams " +
    "tonne tonnes ton tons pound pounds lb lbs ounce ounces litre liter litres liters gallon gallons hectare hectares acre acres " +
    "cubic square degree degrees celsius fahrenheit mph kph knot knots second seconds minute minutes hour hours day days week weeks " +
    "month months year years"
  )
    .split(" ")
    .map(stem),
);
/** Whether a number's unit (a stem, as NumberMention keeps it) is a unit of measure. */
export const measureUnit = (unit: string | null) => unit !== null && MEASURES.has(unit);
const QUAL_WORDS = new Set("least than upwards excess fewer less most nearly almost roughly approximately estimated close around".split(" "));
const QUALIFIER: [RegExp, NumberMention["approx"]][] = [
  [/(at least|more than|over|upwards of|in excess of|no fewer than)\s*$/i, "min"],
  [/(up to|fewer than|less than|under|at most|no more than)\s*$/i, "max"],
  [/(about|around|nearly|almost|roughly|approximately|some|an estimated|close to)\s*$/i, "about"],
];

function parseWords(words: string[]): number | null {
  let total = 0,
    cur = 0,
    seen = false;
  for (const w of words.map((x) => x.toLowerCase())) {
    if (w === "and") continue;
    if (w === "a") {
      cur = cur || 1;
      continue;
    }
    if (w === "dozen") {
      cur = (cur || 1) * 12;
      seen = true;
      continue;
    }
    if (w in UNITS) {
      cur += UNITS[w];
      seen = true;
      continue;
    }
    if (w in TENS) {
      cur += TENS[w];
      seen = true;
      continue;
    }
    const sc = SCALES[w];
    if (sc === 100) {
      cur = (cur || 1) * 100;
      seen = true;
      continue;
    }
    if (sc) {
      total += (cur || 1) * sc;
      cur = 0;
      seen = true;
    }
  }
  return seen ? total + cur : null;
}

// Years and day-of-month are handled by dates.ts; callers pass those spans so they are not counted twice.
export function extractNumbers(text: string, skipSpans: [number, number][] = []): NumberMention[] {
  const s = fold(text);
  const found: { value: number; start: number; end: number; unit?: string }[] = [];
  const inSkip = (a: number, b: number) => skipSpans.some(([x, y]) => a < y && b > x);
  for (const m of s.matchAll(DIGITNUM)) {
    const start = m.index,
      end = m.index + m[0].length;
    if (inSkip(start, end)) continue;
    // A clock time or a score ("at 3:40 a.m.", "won 3:1") counts nothing.
    if (/^:\d/.test(s.slice(end, end + 2)) || /\d:$/.test(s.slice(Math.max(0, start - 2), start))) continue;
    let v = Number(m[2].replace(/,/g, "") + (m[3] ?? ""));
    if (m[4]) v *= SCALES[m[4].toLowerCase()];
    // A bare four-digit number in the year range is a year, not a quantity.
    if (!m[1] && !m[4] && !m[5] && /^(1[89]|20)\d\d$/.test(m[2]) && !m[3]) continue;
    const unit = m[5] ? "%" : m[1] ? "$" : undefined;
    found.push({ value: Math.round(v * 1000) / 1000, start, end, unit });
  }
  for (const m of s.matchAll(WORDNUM)) {
    const words = m[0].split(/[\s-]+/);
    while (words.length && ["and", "a"].includes(words[words.length - 1].toLowerCase())) words.pop();
    while (words.length && ["and", "a"].includes(words[0].toLowerCase())) words.shift();
    // "one" alone is mostly a pronoun ("one of the", "no one").
    if (!words.length || (words.length === 1 && words[0].toLowerCase() === "one")) continue;
    const value = parseWords(words);
    const start = m.index + m[0].indexOf(words[0]);
    const last = words[words.length - 1];
    const end = m.index + m[0].lastIndexOf(last) + last.length;
    if (value === null || inSkip(start, end) || found.some((f) => start < f.end && end > f.start)) continue;
    found.push({ value, start, end });
  }
  found.sort((a, b) => a.start - b.start);
  return found.map((f) => {
    const before = s.slice(Math.max(0, f.start - 40), f.start);
    const after = s.slice(f.end, f.end + 60);
    const q = QUALIFIER.find(([re]) => re.test(before));
    const nextWords = [...after.matchAll(/[\p{L}]+/gu)].map((x) => x[0].toLowerCase());
    const unitWord = nextWords.find((w) => !STOP.has(w) && !["-", "per"].includes(w));
    const prevWords = [...before.matchAll(/[\p{L}]+/gu)].map((x) => x[0].toLowerCase()).slice(-2);
    const context = new Set(
      [...prevWords, ...nextWords.slice(0, 4)].filter((w) => !STOP.has(w) && !TIME.test(w) && !QUAL_WORDS.has(w) && !(w in UNITS) && !(w in TENS)).map(stem),
    );
    return {
      value: f.value,
      unit: f.unit ?? (unitWord && !DATE_WORD.test(unitWord) && /^[\s-]*[\p{L}]/u.test(after) ? stem(unitWord) : null),
      approx: q ? q[1] : "exact",
      context,
      text: s.slice(f.start, f.end).trim(),
      start: f.start,
      end: f.end,
    };
  });
}

export function numbersCompatible(a: NumberMention, b: NumberMention): boolean {
  if (a.value === b.value) return true;
  const [lo, hi] = a.value < b.value ? [a, b] : [b, a];
  if (lo.approx === "min" && hi.approx !== "max") return true;
  if (hi.approx === "max" && lo.approx !== "min") return true;
  if (a.approx === "about" || b.approx === "about") return Math.abs(a.value - b.value) <= 0.15 * Math.max(a.value, b.value);
  return false;
}

// Same unit and at least one shared context word means both numbers measure the same thing.
export function sameQuantity(a: NumberMention, b: NumberMention): boolean {
  if (a.unit !== b.unit) return false;
  if (a.unit && ["%", "$"].includes(a.unit) === false) {
    for (const w of a.context) if (w !== a.unit && b.context.has(w)) return true;
    return a.context.size <= 1 || b.context.size <= 1;
  }
  for (const w of a.context) if (b.context.has(w)) return true;
  return false;
}

export function formatNumber(n: NumberMention): string {
  return n.unit === "%" ? `${n.value}%` : String(n.value);
}
