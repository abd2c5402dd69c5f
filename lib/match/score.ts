import { analyze, describeNumbers, pairFeatures, type PairFeatures, type Side } from "./features";
import { negationConflict, slotConflicts } from "./stance";

export type MatchSide = {
  text: string;
  articleId: string;
  outletId: string;
  originGroup: string | null;
  publishedAt: Date | null;
  attribution: string | null;
  wireCredit: string | null;
};
export type Suggestion = { relation: "supports" | "contradicts"; score: number; reasons: string[] } | null;

// Thresholds were set by reading every cross-outlet sentence pair of the seed articles (see score.test.ts).
const SUPPORT_MIN = 0.35;
const EVENT_MIN = 0.4; // a conflict only means something when the two passages are clearly about one event
const NEAR_DAYS = 7; // dates further apart than this describe different events, not a disputed date

export function relatedness(f: PairFeatures, sizeA: number, sizeB: number): number {
  // Country names recur across a whole story; a distinctive shared name (Wagner, Bazoum) says much more.
  const e = Math.min(f.entities.weight, 2.5) / 2.5;
  // The floor stops a five-word sentence from matching anything that shares two of its words.
  const n = f.content.shared.length;
  const overlap = n / Math.max(6, Math.min(sizeA, sizeB));
  const run = Math.min(Math.max(f.content.run - 1, 0), 4) / 4;
  let r = 0.3 * e + 0.3 * overlap + 0.15 * f.content.dice + 0.15 * run + 0.1 * Math.min(n, 4) / 4;
  if (f.dates.same.length) r += 0.15;
  else if (f.dates.overlap.length) r += 0.08;
  if (f.numbers.agree.length) r += 0.08;
  if (f.attribution.length) r += 0.05;
  return Math.min(1, r);
}

// Tells apart a conflicting report of one event from a report of another event (e.g. a later call between the same leaders).
function differentEvent(f: PairFeatures, sa: Side, sb: Side, a: MatchSide, b: MatchSide): string | null {
  // An article cannot report an event dated after it was published.
  if (reportsLaterEvent(sa, a, b) || reportsLaterEvent(sb, b, a)) return "event after publication of the other article";
  for (const c of f.dates.conflict) {
    const far = Number.isNaN(c.gapDays) ? !nearInTime(a, b) : c.gapDays > NEAR_DAYS;
    if (far) return `different dates: ${c.a.label} vs ${c.b.label}`;
  }
  return null;
}

function reportsLaterEvent(side: Side, own: MatchSide, other: MatchSide): boolean {
  if (!other.publishedAt || !own.publishedAt) return false;
  const otherDay = Math.floor(other.publishedAt.getTime() / 86_400_000);
  const days = side.dates.filter((d) => d.gran === "day" && d.from <= Math.floor(own.publishedAt!.getTime() / 86_400_000));
  return days.length > 0 && days.every((d) => d.from > otherDay + 1);
}

function nearInTime(a: MatchSide, b: MatchSide): boolean {
  if (!a.publishedAt || !b.publishedAt) return false;
  return Math.abs(a.publishedAt.getTime() - b.publishedAt.getTime()) <= NEAR_DAYS * 86_400_000;
}

function sharedReasons(f: PairFeatures): string[] {
  const out: string[] = [];
  if (f.entities.shared.length) out.push(`shared entities: ${f.entities.shared.join(", ")}`);
  if (f.dates.same.length) out.push(`same date: ${f.dates.same.join(", ")}`);
  else if (f.dates.overlap.length) out.push(`compatible dates: ${f.dates.overlap.join(", ")}`);
  if (f.numbers.agree.length) out.push(`same numbers: ${f.numbers.agree.map(([x]) => x.text).join(", ")}`);
  if (f.attribution.length) out.push(`same source: ${f.attribution.join(", ")}`);
  if (f.content.shared.length) out.push(`shared words: ${f.content.shared.slice(0, 10).join(", ")}`);
  return out;
}

export function scorePairSides(sa: Side, sb: Side, a: MatchSide, b: MatchSide): Suggestion {
  const f = pairFeatures(sa, sb);
  const r = relatedness(f, new Set(sa.stems).size, new Set(sb.stems).size);
  // Entities alone (everyone mentions Putin and Niger) do not make two sentences state one fact.
  const enoughContent = f.content.shared.length >= 2 || f.content.run >= 3;
  if (!enoughContent || r < SUPPORT_MIN) return null;
  if (differentEvent(f, sa, sb, a, b)) return null;

  const conflicts: string[] = [];
  if (f.numbers.conflict.length) conflicts.push(`numbers differ: ${describeNumbers(f.numbers.conflict)}`);
  for (const c of f.dates.conflict) conflicts.push(`dates differ: ${c.a.label} vs ${c.b.label}`);
  const neg = negationConflict(sa, sb);
  if (neg) conflicts.push(neg);
  conflicts.push(...slotConflicts(sa, sb));

  const round = (x: number) => Math.round(x * 100) / 100;
  if (conflicts.length && r >= EVENT_MIN) {
    return { relation: "contradicts", score: round(Math.min(1, 0.5 + r / 2)), reasons: [...conflicts, ...sharedReasons(f)] };
  }
  // A conflict on a loosely related pair is more likely a different fact than a dispute: stay quiet.
  if (conflicts.length) return null;
  return { relation: "supports", score: round(Math.min(1, (r - SUPPORT_MIN) / (1 - SUPPORT_MIN) * 0.7 + 0.3)), reasons: sharedReasons(f) };
}

export function scorePair(a: MatchSide, b: MatchSide): Suggestion {
  return scorePairSides(analyze(a.text, a.publishedAt, a.attribution), analyze(b.text, b.publishedAt, b.attribution), a, b);
}
