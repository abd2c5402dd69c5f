import { fold } from "./text";
import { MONTHS, WEEKDAYS } from "./entities";

// A date mention as an interval of UTC days; unresolved weekdays (no publication date) keep only the weekday.
export type DateMention = {
  gran: "day" | "week" | "month" | "year" | "weekday";
  from: number; // epoch day, inclusive (NaN when unresolved)
  to: number;
  weekday?: number;
  label: string;
  start: number;
  end: number;
};

const DAY = 86_400_000;
const MON = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
const WD = "(sunday|monday|tuesday|wednesday|thursday|friday|saturday)";
const monthIdx = (m: string) => MONTHS.findIndex((x) => x.startsWith(m.toLowerCase().replace(".", "").slice(0, 3)));
const epochDay = (y: number, m: number, d: number) => Math.floor(Date.UTC(y, m, d) / DAY);
const iso = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
const monthLabel = (y: number, m: number) => `${y}-${String(m + 1).padStart(2, "0")}`;

function monthRange(y: number, m: number): [number, number] {
  return [epochDay(y, m, 1), epochDay(y, m + 1, 1) - 1];
}

// Without a year, news means the most recent such date, or one shortly ahead (announced events).
function inferYear(m: number, d: number, pub: Date | null): number | null {
  if (!pub) return null;
  const y = pub.getUTCFullYear();
  const pubDay = Math.floor(pub.getTime() / DAY);
  return epochDay(y, m, d) > pubDay + 60 ? y - 1 : y;
}

export function extractDates(text: string, publishedAt: Date | null): DateMention[] {
  const s = fold(text);
  const out: DateMention[] = [];
  const taken: [number, number][] = [];
  const free = (a: number, b: number) => !taken.some(([x, y]) => a < y && b > x);
  const add = (m: RegExpMatchArray, d: Omit<DateMention, "start" | "end">) => {
    const start = m.index!, end = start + m[0].length;
    if (!free(start, end)) return;
    taken.push([start, end]);
    out.push({ ...d, start, end });
  };
  const day = (m: RegExpMatchArray, y: number | null, mo: number, d: number) => {
    if (mo < 0 || d < 1 || d > 31) return;
    if (y === null) {
      add(m, { gran: "day", from: NaN, to: NaN, label: `--${String(mo + 1).padStart(2, "0")}-${String(d).padStart(2, "0")}` });
      return;
    }
    const e = epochDay(y, mo, d);
    add(m, { gran: "day", from: e, to: e, label: iso(e) });
  };
  const pubDay = publishedAt ? Math.floor(publishedAt.getTime() / DAY) : NaN;

  for (const m of s.matchAll(/\b(\d{4})-(\d{2})-(\d{2})\b/g)) day(m, +m[1], +m[2] - 1, +m[3]);
  // A weekday right before an explicit date is part of it ("Tuesday, Aug. 15").
  const wdPrefix = `(?:${WD},?\\s+)?`;
  for (const m of s.matchAll(new RegExp(`\\b${wdPrefix}${MON}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4}))?`, "gi"))) {
    const mo = monthIdx(m[2]), d = +m[3];
    day(m, m[4] ? +m[4] : inferYear(mo, d, publishedAt), mo, d);
  }
  for (const m of s.matchAll(new RegExp(`\\b${wdPrefix}(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MON}(?:,?\\s+(\\d{4}))?`, "gi"))) {
    const mo = monthIdx(m[3]), d = +m[2];
    day(m, m[4] ? +m[4] : inferYear(mo, d, publishedAt), mo, d);
  }
  for (const m of s.matchAll(new RegExp(`\\b(?:(early|mid|late)[\\s-]+)?${MON}(?:,?\\s+(\\d{4}))?\\b`, "gi"))) {
    // Lower-case "may"/"march" without a year are verbs and nouns, not months.
    if (!m[3] && /^[a-z]/.test(m[2])) continue;
    const mo = monthIdx(m[2]);
    const y = m[3] ? +m[3] : inferYear(mo, 1, publishedAt);
    if (y === null) { add(m, { gran: "month", from: NaN, to: NaN, label: `--${String(mo + 1).padStart(2, "0")}` }); continue; }
    const [a, b] = monthRange(y, mo);
    add(m, { gran: "month", from: a, to: b, label: monthLabel(y, mo) });
  }
  for (const m of s.matchAll(new RegExp(`\\b(?:(last|this|next|on|past)\\s+)?${WD}\\b`, "gi"))) {
    const wd = WEEKDAYS.indexOf(m[2].toLowerCase());
    if (!publishedAt) { add(m, { gran: "weekday", from: NaN, to: NaN, weekday: wd, label: m[2] }); continue; }
    const pubWd = publishedAt.getUTCDay();
    let back = (pubWd - wd + 7) % 7;
    const rel = m[1]?.toLowerCase();
    if (rel === "next") back = -((wd - pubWd + 7) % 7 || 7);
    else if (rel === "last" && back === 0) back = 7;
    const e = pubDay - back;
    add(m, { gran: "day", from: e, to: e, weekday: wd, label: iso(e) });
  }
  if (publishedAt) {
    const y = publishedAt.getUTCFullYear(), mo = publishedAt.getUTCMonth();
    for (const m of s.matchAll(/\b(yesterday|today|tomorrow|(last|this|next) (week|month|year))\b/gi)) {
      const w = m[0].toLowerCase();
      if (w === "yesterday" || w === "today" || w === "tomorrow") {
        const e = pubDay + (w === "yesterday" ? -1 : w === "today" ? 0 : 1);
        add(m, { gran: "day", from: e, to: e, label: iso(e) });
        continue;
      }
      const shift = m[2].toLowerCase() === "last" ? -1 : m[2].toLowerCase() === "next" ? 1 : 0;
      if (m[3].toLowerCase() === "week") add(m, { gran: "week", from: pubDay + 7 * shift - 6, to: pubDay + 7 * shift + 6, label: `week of ${iso(pubDay + 7 * shift)}` });
      else if (m[3].toLowerCase() === "month") {
        const [a, b] = monthRange(y, mo + shift);
        add(m, { gran: "month", from: a, to: b, label: iso(a).slice(0, 7) });
      } else add(m, { gran: "year", from: epochDay(y + shift, 0, 1), to: epochDay(y + shift + 1, 0, 1) - 1, label: String(y + shift) });
    }
  }
  for (const m of s.matchAll(/\b(?:in|since|during|of|by)\s+((?:19|20)\d\d)\b(?!s)/gi)) {
    const y = +m[1];
    add(m, { gran: "year", from: epochDay(y, 0, 1), to: epochDay(y + 1, 0, 1) - 1, label: String(y) });
  }
  return out.sort((a, b) => a.start - b.start);
}

export type DateRelation = { kind: "same" | "overlap" | "differ" | "unknown"; gapDays: number };

export function compareDates(a: DateMention, b: DateMention): DateRelation {
  if (Number.isNaN(a.from) || Number.isNaN(b.from)) {
    if (a.gran === "weekday" && b.weekday !== undefined) return { kind: a.weekday === b.weekday ? "same" : "differ", gapDays: NaN };
    if (b.gran === "weekday" && a.weekday !== undefined) return { kind: a.weekday === b.weekday ? "same" : "differ", gapDays: NaN };
    if (a.label.startsWith("--") || b.label.startsWith("--")) {
      const ka = a.label.slice(-5), kb = b.label.slice(-5);
      if (a.gran === "day" && b.gran === "day") return { kind: ka === kb ? "same" : "differ", gapDays: NaN };
    }
    return { kind: "unknown", gapDays: NaN };
  }
  if (a.from <= b.to && b.from <= a.to) {
    return { kind: a.gran === "day" && b.gran === "day" ? "same" : "overlap", gapDays: 0 };
  }
  return { kind: "differ", gapDays: a.to < b.from ? b.from - a.to : a.from - b.to };
}
