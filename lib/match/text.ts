// Shared text primitives for matching: accent folding, tokenising, stemming, stop words. No synonym
// lists: which words mean the same is the word vectors' business (lib/match/pair), learned, not listed.

export function fold(s: string): string {
  return (
    s
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .replace(/[‘’ʼ`´]/g, "'")
      .replace(/[“”«»„]/g, '"')
      .replace(/[‐‑‒–—]/g, "-")
      // Dotted initialisms would otherwise split into single letters ("U.S." vs "US").
      .replace(/\b([A-Z])\.([A-Z])\.(?:([A-Z])\.)?/g, (_m, a: string, b: string, c?: string) => a + b + (c ?? ""))
  );
}

export type Token = { raw: string; lower: string; start: number; end: number; cap: boolean; poss: boolean };

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const s = fold(text);
  for (const m of s.matchAll(/[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu)) {
    let raw = m[0];
    // Possessives carry no meaning for matching and break entity identity ("Putin's" = "Putin").
    const poss = /'s$/i.test(raw);
    if (poss) raw = raw.slice(0, -2);
    out.push({ raw, lower: raw.toLowerCase(), start: m.index, end: m.index + m[0].length, cap: /^\p{Lu}/u.test(raw), poss });
  }
  return out;
}

export const STOP = new Set(
  (
    "a an the and or but nor if then than that this these those there here of in on at to for from by with without about " +
    "as into onto over under after before during since until while when where which who whom whose what why how " +
    "is are was were be been being am do does did done has have had having will would shall should can could may might must " +
    "it its it's he him his she her hers they them their theirs we us our you your i me my mine " +
    "not no never so such also very just only even more most much many some any all each every both either neither other another " +
    "said says say saying told according per via up down out off again further once ever latest " +
    "mr mrs ms dr one ones own same too s t don doesn didn isn wasn weren hasn haven hadn won wouldn couldn shouldn"
  ).split(/\s+/),
);

// Light Porter-style stemmer: consistency on both sides matters more than linguistic accuracy.
const IRREGULAR: Record<string, string> = {
  took: "take",
  taken: "take",
  went: "go",
  gone: "go",
  met: "meet",
  held: "hold",
  spoke: "speak",
  spoken: "speak",
  fled: "flee",
  led: "lead",
  told: "tell",
  sent: "send",
  won: "win",
  lost: "lose",
  fell: "fall",
  rose: "rise",
  died: "die",
  men: "man",
  women: "woman",
  children: "child",
  people: "people",
  came: "come",
  began: "begin",
  begun: "begin",
  overthrew: "overthrow",
  overthrown: "overthrow",
};

// Stems asked for again and again (the scorer pairs the same words pair after pair): kept, up to
// a bound, since working one out allocates and runs a score of regular expressions.
const STEMS_KEPT = 50_000;
const stems = new Map<string, string>();
export function stem(word: string): string {
  let hit = stems.get(word);
  if (hit === undefined) {
    if (stems.size >= STEMS_KEPT) stems.clear();
    stems.set(word, (hit = stemOf(word)));
  }
  return hit;
}

function stemOf(word: string): string {
  let w = word.toLowerCase();
  w = IRREGULAR[w] ?? w;
  if (w.length <= 3 || /\d/.test(w)) return w;
  // British -is- spellings ("emphasised") should meet American -iz- ones.
  w = w.replace(/is(e|ed|es|ing|ation|ations)$/, "iz$1");
  const rules: [RegExp, string][] = [
    [/ational$/, "ate"],
    [/ization(s)?$/, "ize"],
    [/iveness$/, "ive"],
    [/fulness$/, "ful"],
    [/ousness$/, "ous"],
    [/ships?$/, ""],
    [/nesses$/, ""],
    [/ness$/, ""],
    [/ments?$/, ""],
    [/ations?$/, "ate"],
    [/tions?$/, "t"],
    [/ies$/, "y"],
    [/ied$/, "y"],
    [/ingly$/, ""],
    [/edly$/, ""],
    [/ings?$/, ""],
    [/ed$/, ""],
    [/ers$/, "er"],
    [/sses$/, "ss"],
    [/([^su])s$/, "$1"],
    [/ly$/, ""],
  ];
  for (const [re, rep] of rules) {
    if (re.test(w)) {
      const next = w.replace(re, rep);
      if (next.length >= 3) w = next;
      break;
    }
  }
  w = w
    .replace(/([^aeiouls])\1$/, "$1")
    .replace(/(er|e)$/, "")
    .replace(/y$/, "i");
  return w.length >= 2 ? w : word.toLowerCase();
}
