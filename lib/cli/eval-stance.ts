// `npm run eval -- stance --bodies B.csv --stances S.csv --out P.csv [--half even|odd] [--fit even|odd|all]`
// Predicts FNC-1 stances; with gold labels prints the FNC score, per-class F1 and a confusion matrix.
// --half keeps only pairs whose Body ID has that parity; --fit refits the weights on one parity and
// evaluates on the other, so held-out figures never include the pairs the weights came from.
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { fitModel, predictOne, type FncModel } from "../match/fnc";
import { FncFeaturizer } from "../match/fnc-features";
import { formatReport, isLabel, type FncLabel } from "../match/fnc-metrics";
import { FNC_WEIGHTS } from "../match/fnc-weights";
import { parseCsvRecords, toCsv } from "../match/csv";

type Pair = { headline: string; bodyId: string; gold: FncLabel | null };

// The FNC-1 dev split only has even Body IDs, so halves use the parity of ID / 2^k for the largest
// power of two dividing every ID: plain even/odd on sets that have both.
function makeParity(ids: string[]): (id: string) => "even" | "odd" {
  let unit = 1;
  while (unit < 1 << 20 && ids.every((id) => Number(id) % (unit * 2) === 0)) unit *= 2;
  return (id) => (Math.floor(Number(id) / unit) % 2 === 0 ? "even" : "odd");
}

export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { bodies: { type: "string" }, stances: { type: "string" }, out: { type: "string" }, half: { type: "string" }, fit: { type: "string" } },
  });
  if (!values.bodies || !values.stances) throw new Error("usage: eval stance --bodies B.csv --stances S.csv [--out P.csv] [--half even|odd] [--fit even|odd|all]");
  const t0 = Date.now();
  const bodies = new Map(parseCsvRecords(readFileSync(values.bodies, "utf8")).map((r) => [r["Body ID"], r["articleBody"]]));
  let pairs: Pair[] = parseCsvRecords(readFileSync(values.stances, "utf8")).map((r) => {
    const s = (r["Stance"] ?? "").trim();
    return { headline: r["Headline"], bodyId: r["Body ID"], gold: isLabel(s) ? s : null };
  });
  const parity = makeParity(pairs.map((p) => p.bodyId));
  const fz = new FncFeaturizer(bodies, pairs.map((p) => p.headline));
  const feats = pairs.map((p) => fz.features(p.headline, p.bodyId));

  let model: FncModel = FNC_WEIGHTS;
  let evalIdx = pairs.map((_, i) => i);
  if (values.fit) {
    const train = evalIdx.filter((i) => values.fit === "all" || parity(pairs[i].bodyId) === values.fit);
    if (train.some((i) => !pairs[i].gold)) throw new Error("--fit needs gold stances");
    model = fitModel(train.map((i) => feats[i]), train.map((i) => pairs[i].gold!));
    console.log(`fitted on ${train.length} pairs (${values.fit} Body IDs):\n${JSON.stringify(model)}`);
    if (values.fit !== "all") evalIdx = evalIdx.filter((i) => parity(pairs[i].bodyId) !== values.fit);
  }
  if (!model.related.length) throw new Error("no FNC weights: run with --fit first");
  if (values.half) evalIdx = evalIdx.filter((i) => parity(pairs[i].bodyId) === values.half);

  const pred = evalIdx.map((i) => predictOne(model, feats[i]));
  pairs = evalIdx.map((i) => pairs[i]);
  if (values.out) {
    writeFileSync(values.out, toCsv([["Headline", "Body ID", "Stance"], ...pairs.map((p, k) => [p.headline, p.bodyId, pred[k]])]));
  }
  if (pairs.length && pairs.every((p) => p.gold)) {
    console.log(formatReport(pairs.map((p) => p.gold!), pred));
  }
  console.log(`${pairs.length} pairs in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
}
