import { fold } from "./text";
import { hashedSet, sharedCount } from "./hash";

type Source = { outletId: string; originGroup: string | null; wireCredit: string | null; articleText: string };

// Above this share of 5-word shingles, one article is a copy or light rewrite of the other.
export const NEAR_COPY = 0.4;

// An article's 5-word shingles as sorted, distinct 53-bit hashes (two shingles collide with odds of
// about 2^-53). Matching compares a new article with every article its claims found, and those
// articles meet again and again as candidates: each text is shingled once, then read from here.
// Kept up to SHINGLES_KEPT units of 8 bytes (4 MB): each entry costs its hashes or its text (the
// key), whichever is larger, so short or repetitive texts count too. A few hundred articles of news
// length, fewer when they are long.
export const SHINGLES_KEPT = 500_000;
const shingleCache = new Map<string, { hashes: Float64Array; cost: number }>();
let shinglesHeld = 0;
function shingles(text: string): Float64Array {
  const hit = shingleCache.get(text);
  if (hit) {
    shingleCache.delete(text);
    shingleCache.set(text, hit);
    return hit.hashes;
  }
  const words =
    fold(text)
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  // A copy, so that a kept entry holds its own hashes and not the larger array they were sorted in.
  const hashes = hashedSet(words.slice(0, Math.max(0, words.length - 4)).map((_, i) => words.slice(i, i + 5).join(" "))).slice();
  const cost = Math.max(hashes.length, Math.ceil(text.length / 8), 1);
  shingleCache.set(text, { hashes, cost });
  shinglesHeld += cost;
  for (const [k, v] of shingleCache) {
    if (shinglesHeld <= SHINGLES_KEPT || k === text) break;
    shingleCache.delete(k);
    shinglesHeld -= v.cost;
  }
  return hashes;
}

/** What the shingle cache holds, in units of 8 bytes (for tests). */
export const shinglesKept = () => shinglesHeld;
/** Empties the shingle cache (for tests). */
export function forgetShingles() {
  shingleCache.clear();
  shinglesHeld = 0;
}

// Containment rather than Jaccard: a short wire story pasted into a longer article is still a copy.
export function shingleSimilarity(textA: string, textB: string): number {
  const a = shingles(textA),
    b = shingles(textB);
  if (!a.length || !b.length) return 0;
  return sharedCount(a, b) / Math.min(a.length, b.length);
}

// An agency's full name and its initials are one agency: "AP" in a dateline, "Associated Press" in a credit line.
const AGENCY_NAMES: Record<string, string> = {
  "associated press": "ap",
  "agence francepresse": "afp",
  "united press international": "upi",
  "press association": "pa",
};

function wireAgencies(credit: string | null): Set<string> {
  if (!credit) return new Set();
  return new Set(
    fold(credit)
      .toLowerCase()
      .split(/[,;/&+]|\band\b|\bwith\b/)
      .map((s) =>
        s
          .replace(/[^a-z0-9 ]/g, "")
          .replace(/\s+/g, " ")
          .trim(),
      )
      .filter(Boolean)
      .map((s) => AGENCY_NAMES[s.replace(/^the /, "")] ?? s),
  );
}

/** What an article is a copy of, as keys: its outlet, its outlet's origin group, each wire agency it credits. */
export function sourceKeys(a: Pick<Source, "outletId" | "originGroup" | "wireCredit">): string[] {
  return [`outlet:${a.outletId}`, ...(a.originGroup ? [`group:${a.originGroup}`] : []), ...[...wireAgencies(a.wireCredit)].map((w) => `wire:${w}`)];
}

export function isIndependent(a: Source, b: Source): boolean {
  if (a.outletId === b.outletId) return false;
  if (a.originGroup && b.originGroup && a.originGroup === b.originGroup) return false;
  const wa = wireAgencies(a.wireCredit),
    wb = wireAgencies(b.wireCredit);
  for (const w of wa) if (wb.has(w)) return false;
  return shingleSimilarity(a.articleText, b.articleText) <= NEAR_COPY;
}
