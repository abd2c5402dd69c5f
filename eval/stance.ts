// `npm run eval -- stance --bodies B.csv --stances S.csv [--out P.csv] [--half even|odd] [--fit even|odd]`
// FNC-1 stance with the shipped pair model (lib/match/pair/model.ts): the headline is scored against
// each sentence of the body, and the sentence scores are aggregated into agree, disagree, discuss
// or unrelated by three thresholds (lib/match/model/stance-thresholds.json). With gold labels it
// prints the FNC score, per-class F1 and a confusion matrix.
// --fit chooses the thresholds on one half of the Body IDs and reports on the other half only;
// --save writes them as the shipped thresholds. --half keeps one half.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { splitSentences } from "../lib/extract/sentences";
import { parseCsvRecords, toCsv } from "./csv";
import { analyzePassage, type Analysis } from "../lib/match/pair/analyze";
import { loadPairModel, scoreAnalyses } from "../lib/match/pair/model";
import { modelDir } from "../lib/match/pair/vectors";
import { fncScore, formatReport, isLabel, type FncLabel } from "./fnc-metrics";
import { suggestVerdict, type SuggestedVerdict } from "../lib/match/verdict";

type Pair = { headline: string; bodyId: string; gold: FncLabel | null };
// verdict: what the desk would suggest for the headline as a claim with the body's passages as one
// outlet's links (lib/match/verdict.ts), for the figure that says how often a report that agrees
// would be suggested as contradicting it.
type Summary = { coverage: number; supports: number; contradicts: number; verdict: SuggestedVerdict };
export type Thresholds = { related: number; agree: number; disagree: number };

const FILE = path.join(modelDir(), "stance-thresholds.json");

// The FNC-1 dev split only has even Body IDs, so halves use the parity of ID / 2^k for the largest
// power of two dividing every ID: plain even/odd on sets that have both.
function makeParity(ids: string[]): (id: string) => "even" | "odd" {
  let unit = 1;
  while (unit < 1 << 20 && ids.every((id) => Number(id) % (unit * 2) === 0)) unit *= 2;
  return (id) => (Math.floor(Number(id) / unit) % 2 === 0 ? "even" : "odd");
}

// Relatedness is how much of the headline the whole body covers; the body's three sentences that
// cover the headline best speak for its stance.
function summarise(head: Analysis, body: Analysis, sentences: Analysis[]): Summary {
  const all = sentences.map((s) => scoreAnalyses(head, s));
  const verdict = suggestVerdict(
    all.flatMap((r) => (r.relation === "none" ? [] : [{ relation: r.relation, score: r.score, independent: true, verified: false }])),
  );
  const scored = all.sort((x, y) => y.coverage - x.coverage).slice(0, 3);
  if (!scored.length) return { coverage: 0, supports: 0, contradicts: 0, verdict };
  return {
    verdict,
    coverage: scoreAnalyses(head, body).coverage,
    supports: scored.reduce((s, r) => s + r.probs.supports, 0) / scored.length,
    contradicts: Math.max(...scored.map((r) => r.probs.contradicts)),
  };
}

export function decide(s: Summary, t: Thresholds): FncLabel {
  if (s.coverage < t.related) return "unrelated";
  if (s.contradicts >= t.disagree) return "disagree";
  if (s.supports >= t.agree) return "agree";
  return "discuss";
}

function fitThresholds(summaries: Summary[], gold: FncLabel[]): Thresholds {
  const grid = (from: number, to: number, step: number) => Array.from({ length: Math.round((to - from) / step) + 1 }, (_, i) => from + i * step);
  let best: { t: Thresholds; score: number } | null = null;
  for (const related of grid(0.1, 0.9, 0.025))
    for (const agree of grid(0.2, 0.9, 0.05))
      for (const disagree of grid(0.2, 0.95, 0.05)) {
        const t = { related, agree, disagree };
        const score = fncScore(
          gold,
          summaries.map((s) => decide(s, t)),
        ).share;
        if (!best || score > best.score) best = { t, score };
      }
  return best!.t;
}

export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      bodies: { type: "string" },
      stances: { type: "string" },
      out: { type: "string" },
      half: { type: "string" },
      fit: { type: "string" },
      save: { type: "boolean" },
    },
  });
  if (!values.bodies || !values.stances)
    throw new Error("usage: eval stance --bodies B.csv --stances S.csv [--out P.csv] [--half even|odd] [--fit even|odd] [--save]");
  const t0 = Date.now();
  const bodies = new Map(parseCsvRecords(readFileSync(values.bodies, "utf8")).map((r) => [r["Body ID"], r["articleBody"]]));
  let pairs: Pair[] = parseCsvRecords(readFileSync(values.stances, "utf8")).map((r) => {
    const s = (r["Stance"] ?? "").trim();
    return { headline: r["Headline"], bodyId: r["Body ID"], gold: isLabel(s) ? s : null };
  });
  const parity = makeParity(pairs.map((p) => p.bodyId));
  loadPairModel();
  const bodyCache = new Map<string, Analysis[]>();
  const wholeCache = new Map<string, Analysis>();
  const headCache = new Map<string, Analysis>();
  const summaries = pairs.map((p) => {
    let sents = bodyCache.get(p.bodyId);
    if (!sents) bodyCache.set(p.bodyId, (sents = splitSentences(bodies.get(p.bodyId) ?? "").map((s) => analyzePassage({ text: s.text }))));
    let head = headCache.get(p.headline);
    if (!head) headCache.set(p.headline, (head = analyzePassage({ text: p.headline })));
    let whole = wholeCache.get(p.bodyId);
    if (!whole) wholeCache.set(p.bodyId, (whole = analyzePassage({ text: bodies.get(p.bodyId) ?? "" })));
    return summarise(head, whole, sents);
  });

  let evalIdx = pairs.map((_, i) => i);
  let t: Thresholds | null = existsSync(FILE) ? (JSON.parse(readFileSync(FILE, "utf8")) as Thresholds) : null;
  if (values.fit) {
    const fitIdx = evalIdx.filter((i) => parity(pairs[i].bodyId) === values.fit);
    if (fitIdx.some((i) => !pairs[i].gold)) throw new Error("--fit needs gold stances");
    t = fitThresholds(
      fitIdx.map((i) => summaries[i]),
      fitIdx.map((i) => pairs[i].gold!),
    );
    console.log(
      `thresholds chosen on ${fitIdx.length} pairs (${values.fit} half of the Body IDs): ${JSON.stringify(t)}; figures below are on the other half only`,
    );
    if (values.save) writeFileSync(FILE, JSON.stringify(t, null, 2) + "\n");
    evalIdx = evalIdx.filter((i) => parity(pairs[i].bodyId) !== values.fit);
  }
  if (!t) throw new Error(`no ${FILE}: run with --fit even --save first`);
  if (values.half) evalIdx = evalIdx.filter((i) => parity(pairs[i].bodyId) === values.half);
  const pred = evalIdx.map((i) => decide(summaries[i], t));
  pairs = evalIdx.map((i) => pairs[i]);
  if (values.out) writeFileSync(values.out, toCsv([["Headline", "Body ID", "Stance"], ...pairs.map((p, k) => [p.headline, p.bodyId, pred[k]])]));
  if (pairs.length && pairs.every((p) => p.gold))
    console.log(
      formatReport(
        pairs.map((p) => p.gold!),
        pred,
      ),
    );
  if (pairs.length && pairs.every((p) => p.gold))
    console.log(
      verdictReport(
        evalIdx.map((i) => summaries[i].verdict),
        pairs.map((p) => p.gold!),
      ),
    );
  console.log(`${pairs.length} pairs in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

// The desk's suggested verdict for the headline, with the body's sentences as one outlet's links:
// a report that agrees should read corroborated, one that disagrees contradicted.
export function verdictReport(verdicts: SuggestedVerdict[], gold: FncLabel[]): string {
  const lines = ["suggested verdict of the headline from the body's passages as one outlet (lib/match/verdict.ts), related pairs:"];
  const share = (stance: FncLabel, v: SuggestedVerdict) => {
    const xs = verdicts.filter((_, i) => gold[i] === stance);
    return xs.length ? xs.filter((x) => x === v).length / xs.length : 0;
  };
  for (const stance of ["agree", "discuss", "disagree"] as const) {
    const n = gold.filter((g) => g === stance).length;
    lines.push(
      `  ${stance.padEnd(9)} (${n}): corroborated ${share(stance, "corroborated").toFixed(2)}, contradicted ${share(stance, "contradicted").toFixed(2)}, single-sourced ${share(stance, "single_sourced").toFixed(2)}`,
    );
  }
  const balanced = (share("agree", "corroborated") + share("disagree", "contradicted")) / 2;
  lines.push(`  balanced accuracy (agree read as corroborated, disagree as contradicted): ${balanced.toFixed(3)}`);
  return lines.join("\n");
}
