import { fold } from "./text";

type Source = { outletId: string; originGroup: string | null; wireCredit: string | null; articleText: string };

// Above this share of 5-word shingles, one article is a copy or light rewrite of the other.
export const NEAR_COPY = 0.4;

function shingles(text: string): Set<string> {
  const words =
    fold(text)
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<string>();
  for (let i = 0; i + 5 <= words.length; i++) out.add(words.slice(i, i + 5).join(" "));
  return out;
}

// Containment rather than Jaccard: a short wire story pasted into a longer article is still a copy.
export function shingleSimilarity(textA: string, textB: string): number {
  const a = shingles(textA),
    b = shingles(textB);
  if (!a.size || !b.size) return 0;
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const s of small) if (big.has(s)) shared++;
  return shared / small.size;
}

function wireAgencies(credit: string | null): Set<string> {
  if (!credit) return new Set();
  return new Set(
    fold(credit)
      .toLowerCase()
      .split(/[,;/&+]|\band\b|\bwith\b/)
      .map((s) => s.replace(/[^a-z0-9 ]/g, "").trim())
      .filter(Boolean),
  );
}

export function isIndependent(a: Source, b: Source): boolean {
  if (a.outletId === b.outletId) return false;
  if (a.originGroup && b.originGroup && a.originGroup === b.originGroup) return false;
  const wa = wireAgencies(a.wireCredit),
    wb = wireAgencies(b.wireCredit);
  for (const w of wa) if (wb.has(w)) return false;
  return shingleSimilarity(a.articleText, b.articleText) <= NEAR_COPY;
}
