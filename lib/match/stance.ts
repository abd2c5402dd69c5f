import { sameEntity, type Entity } from "./entities";
import type { Side } from "./features";
import { STOP, canonStem, tokenize } from "./text";

// Words that flip the meaning of the predicate that follows them.
const NEG_CUES = new Set(["not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without", "cannot", "deny", "denied", "denies", "unharmed", "unhurt"]);
// Auxiliaries and fillers between a cue and the word it negates ("was not seriously injured").
const FILLER = new Set(["be", "been", "being", "was", "were", "is", "are", "a", "an", "the", "any", "one", "that", "seriously", "badly", "yet", "even", "have", "has", "had", "to", "ever", "at", "all", "he", "she", "they", "it", "of", "in", "this"]);
// Cue words that carry their own negated predicate.
const SELF_NEG: Record<string, string> = { unharmed: "injur", unhurt: "injur" };

const ANTONYMS: [string, string][] = [
  ["confirm", "deny"], ["accept", "reject"], ["win", "lose"], ["rise", "fall"], ["increas", "decreas"],
  ["survive", "die"], ["alive", "die"], ["releas", "arrest"], ["approv", "reject"], ["open", "clos"],
  ["guilty", "acquit"], ["succeed", "fail"], ["support", "oppos"], ["resign", "reappoint"],
].map(([x, y]) => [canonStem(x), canonStem(y)]);

type Neg = { cue: string; target: string; phrase: string };

function negations(text: string): Neg[] {
  const toks = tokenize(text);
  const out: Neg[] = [];
  toks.forEach((t, i) => {
    const isCue = NEG_CUES.has(t.lower) || /n't$/.test(t.lower);
    if (!isCue) return;
    if (SELF_NEG[t.lower]) { out.push({ cue: t.lower, target: SELF_NEG[t.lower], phrase: t.raw }); return; }
    for (let j = i + 1; j < Math.min(toks.length, i + 5); j++) {
      const w = toks[j].lower;
      if (FILLER.has(w)) continue;
      if (STOP.has(w)) break;
      out.push({ cue: t.lower, target: canonStem(w), phrase: toks.slice(i, j + 1).map((x) => x.raw).join(" ").toLowerCase() });
      break;
    }
  });
  return out;
}

const AUX = new Set(["was", "were", "is", "are", "has", "had", "have", "been"]);
const CLAUSE_BREAK = new Set(["and", "but", "who", "which", "that", "after", "while", "when"]);

// The affirmative mention quoted back: the word plus the words leading up to it in its clause.
function affirmativePhrase(text: string, target: string): string | null {
  const toks = tokenize(text);
  const k = toks.findIndex((t) => canonStem(t.lower) === target);
  if (k < 0) return null;
  let from = k;
  // Stop at the clause's auxiliary unless the word follows it directly ("were injured" keeps its subject).
  while (from > 0 && k - from < 5) {
    const w = toks[from - 1].lower;
    if (CLAUSE_BREAK.has(w) || (AUX.has(w) && from < k)) break;
    from--;
  }
  return toks.slice(from, k + 1).map((t) => t.raw).join(" ").toLowerCase();
}

function isNegatedIn(negs: Neg[], target: string) {
  return negs.some((n) => n.target === target);
}

export function negationConflict(a: Side, b: Side): string | null {
  const na = negations(a.text), nb = negations(b.text);
  const stemsA = new Set(a.seq), stemsB = new Set(b.seq);
  for (const n of na) {
    if (stemsB.has(n.target) && !isNegatedIn(nb, n.target)) {
      const p = affirmativePhrase(b.text, n.target);
      if (p) return `negation: '${n.phrase}' vs '${p}'`;
    }
  }
  for (const n of nb) {
    if (stemsA.has(n.target) && !isNegatedIn(na, n.target)) {
      const p = affirmativePhrase(a.text, n.target);
      if (p) return `negation: '${p}' vs '${n.phrase}'`;
    }
  }
  for (const [x, y] of ANTONYMS) {
    for (const [l, r] of [[x, y], [y, x]]) {
      if (stemsA.has(l) && stemsB.has(r) && !stemsA.has(r) && !stemsB.has(l) && !isNegatedIn(na, l) && !isNegatedIn(nb, r)) {
        return `opposite: '${affirmativePhrase(a.text, l)}' vs '${affirmativePhrase(b.text, r)}'`;
      }
    }
  }
  return null;
}

const CAUSE = /\b(?:caused by|due to|because of|blamed on|triggered by|the result of|attributed to)\s+((?:[\w'-]+\s*){1,4})/i;

// Different fillers of the same slot (place of the event, its cause, the person it happened to).
export function slotConflicts(a: Side, b: Side): string[] {
  const out: string[] = [];
  const placesA = a.entities.filter((e) => e.kind === "place"), placesB = b.entities.filter((e) => e.kind === "place");
  const unmatched = (xs: Entity[], ys: Entity[], all: Entity[]) => xs.filter((x) => !ys.some((y) => sameEntity(x, y)) && !all.some((y) => sameEntity(x, y)));
  const pa = unmatched(placesA, placesB, b.entities), pb = unmatched(placesB, placesA, a.entities);
  if (pa.length && pb.length && placesA.length === pa.length) out.push(`different place: ${pa[0].surface} vs ${pb[0].surface}`);

  const ca = CAUSE.exec(a.text), cb = CAUSE.exec(b.text);
  if (ca && cb) {
    const wa = new Set(tokenize(ca[1]).filter((t) => !STOP.has(t.lower)).map((t) => canonStem(t.lower)));
    const wb = tokenize(cb[1]).filter((t) => !STOP.has(t.lower)).map((t) => canonStem(t.lower));
    if (wa.size && wb.length && !wb.some((w) => wa.has(w))) out.push(`different cause: '${ca[1].trim()}' vs '${cb[1].trim()}'`);
  }

  // Person swap: one named party each side, nothing else differs much.
  const na = a.entities.filter((e) => e.kind === "name" && !b.entities.some((y) => sameEntity(e, y)));
  const nb = b.entities.filter((e) => e.kind === "name" && !a.entities.some((y) => sameEntity(e, y)));
  if (na.length === 1 && nb.length === 1 && na[0].personLike && nb[0].personLike) {
    const sa = new Set(a.stems), sb = new Set(b.stems);
    const inter = [...sa].filter((w) => sb.has(w)).length;
    const jac = inter / Math.max(1, new Set([...sa, ...sb]).size);
    if (jac >= 0.7 && sa.size >= 3) out.push(`different person: ${na[0].surface} vs ${nb[0].surface}`);
  }
  return out;
}
