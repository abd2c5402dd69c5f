import { STOP, fold, stem } from "./text";

// Hand-built headline/body features for FNC-1 stance detection, computed over the input bodies file only.

export const REFUTE = new Set(
  ["fake", "fraud", "hoax", "false", "deny", "denies", "denied", "denial", "not", "despite", "nope", "doubt", "doubts", "bogus",
    "debunk", "debunked", "debunks", "prank", "pranks", "retract", "retracted", "untrue", "myth", "satire", "satirical", "rumour",
    "rumor", "rumours", "rumors", "never", "no", "fabricated", "misleading", "refute", "refuted", "refutes", "dismissed", "baseless",
    "claimed", "incorrect", "wrong", "actually", "fact"],
);
export const HEDGE = new Set(
  ["reportedly", "allegedly", "alleged", "claims", "claim", "claimed", "according", "apparently", "purportedly", "purported",
    "believed", "suspected", "unconfirmed", "unverified", "may", "might", "could", "possibly", "perhaps", "rumored", "rumoured",
    "appears", "appear", "seems", "likely", "suggests", "suggest", "reports", "report", "said", "says", "sources", "unclear", "if"],
);
const AGREE_CUES = new Set(["confirmed", "confirms", "confirm", "official", "officially", "announced", "revealed", "indeed", "true", "proved", "proven", "shows", "showed", "video", "footage", "photos"]);

export const FEATURE_NAMES = [
  "bias", "tfidfCos", "headCoverage", "bigramCoverage", "maxSentOverlap", "leadOverlap", "top3Overlap",
  "headRefute", "bodyRefuteNear", "bodyRefute", "bodyHedgeNear", "bodyHedge", "bodyAgreeNear", "headQuestion",
  "headHedge", "polarityDiff", "logBodyLen", "sentCosMax",
] as const;

type Doc = { stems: string[]; sents: { stems: string[]; words: string[] }[]; tf: Map<string, number>; words: string[] };

function words(text: string): string[] {
  return fold(text).toLowerCase().match(/[a-z0-9]+(?:'[a-z]+)?/g) ?? [];
}
const content = (ws: string[]) => ws.filter((w) => !STOP.has(w) && w.length > 1).map(stem);

function doc(text: string): Doc {
  const ws = words(text);
  const stems = content(ws);
  const sents = fold(text)
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => { const w = words(s); return { words: w, stems: content(w) }; })
    .filter((s) => s.stems.length > 0);
  const tf = new Map<string, number>();
  for (const s of stems) tf.set(s, (tf.get(s) ?? 0) + 1);
  return { stems, sents, tf, words: ws };
}

export class FncFeaturizer {
  private bodies = new Map<string, Doc>();
  private idf = new Map<string, number>();
  private n = 0;

  constructor(bodies: Map<string, string>, headlines: string[]) {
    const df = new Map<string, number>();
    const count = (stems: Iterable<string>) => { for (const s of new Set(stems)) df.set(s, (df.get(s) ?? 0) + 1); this.n++; };
    for (const [id, text] of bodies) { const d = doc(text); this.bodies.set(id, d); count(d.stems); }
    for (const h of new Set(headlines)) count(content(words(h)));
    for (const [s, k] of df) this.idf.set(s, Math.log((1 + this.n) / (1 + k)) + 1);
  }

  private w(s: string) { return this.idf.get(s) ?? Math.log(1 + this.n) + 1; }

  private cosine(a: Map<string, number>, b: Map<string, number>): number {
    let dot = 0, na = 0, nb = 0;
    for (const [s, x] of a) { const wx = x * this.w(s); na += wx * wx; const y = b.get(s); if (y) dot += wx * y * this.w(s); }
    for (const [s, y] of b) { const wy = y * this.w(s); nb += wy * wy; }
    return na && nb ? dot / Math.sqrt(na * nb) : 0;
  }

  features(headline: string, bodyId: string): number[] {
    const body = this.bodies.get(bodyId);
    if (!body) throw new Error(`unknown Body ID ${bodyId}`);
    const hw = words(headline);
    const hs = content(hw);
    const hset = new Set(hs);
    const htf = new Map<string, number>();
    for (const s of hs) htf.set(s, (htf.get(s) ?? 0) + 1);
    const weight = (set: Iterable<string>) => { let t = 0; for (const s of set) t += this.w(s); return t; };
    const hw8 = weight(hset) || 1;
    const cover = (stems: Iterable<string>) => { const ss = new Set(stems); let t = 0; for (const s of hset) if (ss.has(s)) t += this.w(s); return t / hw8; };

    const bodySet = new Set(body.stems);
    const hb = hs.slice(1).map((s, k) => hs[k] + " " + s);
    const bb = new Set(body.stems.slice(1).map((s, k) => body.stems[k] + " " + s));
    const sentScores = body.sents.map((s, k) => ({ k, ov: cover(s.stems), s }));
    const ranked = [...sentScores].sort((a, b) => b.ov - a.ov);
    const top = ranked.slice(0, 3);
    const near = top.filter((t) => t.ov > 0).flatMap((t) => t.s.words);
    const frac = (ws: string[], set: Set<string>) => (ws.length ? ws.filter((w) => set.has(w)).length / Math.sqrt(ws.length) : 0);
    const negs = (ws: string[]) => ws.filter((w) => ["not", "no", "never", "none", "nothing", "without"].includes(w) || w.endsWith("n't")).length;
    let sentCos = 0;
    for (const t of top) {
      const tf = new Map<string, number>();
      for (const s of t.s.stems) tf.set(s, (tf.get(s) ?? 0) + 1);
      sentCos = Math.max(sentCos, this.cosine(htf, tf));
    }
    return [
      1,
      this.cosine(htf, body.tf),
      cover(bodySet),
      hb.length ? hb.filter((b) => bb.has(b)).length / hb.length : 0,
      ranked[0]?.ov ?? 0,
      cover(body.sents.slice(0, 2).flatMap((s) => s.stems)),
      top.reduce((t, x) => t + x.ov, 0) / 3,
      hw.some((w) => REFUTE.has(w)) ? 1 : 0,
      frac(near, REFUTE),
      frac(body.words, REFUTE),
      frac(near, HEDGE),
      frac(body.words, HEDGE),
      frac(near, AGREE_CUES),
      /\?/.test(headline) ? 1 : 0,
      hw.some((w) => HEDGE.has(w)) ? 1 : 0,
      (negs(hw) % 2) !== (negs(near) % 2) ? 1 : 0,
      Math.log(1 + body.words.length) / 7,
      sentCos,
    ];
  }
}
