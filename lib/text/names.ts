import unhomoglyph from "unhomoglyph";

// Characters that change how text is displayed without being seen: bidi embeddings, overrides and
// isolates (a "\u202e" in a name reverses the rest of the line), directional marks, zero-width
// spaces and joiners, the word joiner, the BOM and the soft hyphen. None belongs in a name.
const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/**
 * A name as the desk stores it: NFKC (so full-width and ligature forms become plain letters),
 * invisible controls removed, runs of whitespace made one space, trimmed. "Africanews\u200b" and
 * "Africanews" are then one name.
 */
export function normalizeName(raw: string): string {
  return raw.normalize("NFKC").replace(INVISIBLE, "").replace(/\s+/g, " ").trim();
}

/**
 * The UTS #39 skeleton of a name: what it looks like, whatever script its letters come from. Two
 * names with one skeleton are confusable: a Cyrillic "Аfricanews" and "Africanews", or "rn" and "m".
 * The mapping is Unicode's confusables table (the unhomoglyph package); case is folded first,
 * since the desk already treats names case-insensitively.
 */
export function skeleton(name: string): string {
  const once = unhomoglyph(normalizeName(name).normalize("NFD"));
  return unhomoglyph(once.toLowerCase()).normalize("NFD");
}
