// `npm run eval -- pairs --in F.json [--out O.json] [--part heldout|validation|train]`
// Runs the shipped pair model (lib/match/pair/model.ts, the function the matcher calls) on
// [{"id", "a", "b", "source"?, "aDate"?, "bDate"?, "label"?}] and writes [{"id", "relation", "score"}]
// in input order. With labels (supports / contradicts / neutral = none) it prints, per source, a
// confusion matrix, 3-class accuracy, F1 per relation and the source's own binary figure.
// --part keeps one part of the fixed split of pairs-dev (eval/split.ts): `heldout` is the
// quarter the fit never read.
import { readFileSync, writeFileSync } from "node:fs";
import { z } from "zod";
import { cliArgs } from "../lib/cli/args";
import { analyzePassage, type Analysis } from "../lib/match/pair/analyze";
import { loadPairModel, scoreAnalyses } from "../lib/match/pair/model";
import { partOf } from "./split";
import { bySource, formatFigures, goldRelation, type Scored } from "./pair-metrics";

const date = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)), "not a date")
  .transform((s) => new Date(s));
const input = z.array(
  z.object({
    // Written back exactly as given, a number as a number.
    id: z.union([z.string(), z.number()]),
    a: z.string(),
    b: z.string(),
    source: z.string().optional(),
    aDate: date.optional(),
    bDate: date.optional(),
    label: z.string().optional(),
  }),
);

export async function run(argv: string[]): Promise<void> {
  process.argv = [process.argv[0], process.argv[1], ...argv];
  const { values } = cliArgs(
    { in: { type: "string" }, out: { type: "string" }, part: { type: "string" } },
    "npm run eval -- pairs --in F.json [--out O.json] [--part heldout|validation|train]",
  );
  if (!values.in) throw new Error("usage: npm run eval -- pairs --in F.json [--out O.json] [--part heldout]");
  let pairs = input.parse(JSON.parse(readFileSync(values.in, "utf8")));
  if (values.part) pairs = pairs.filter((p) => partOf(p.a) === values.part);
  const t0 = performance.now();
  const model = loadPairModel();
  const cache = new Map<string, Analysis>();
  const analysis = (text: string, d?: Date) => {
    const key = `${d?.toISOString() ?? ""}\u0001${text}`;
    let an = cache.get(key);
    if (!an) cache.set(key, (an = analyzePassage({ text, publishedAt: d ?? null })));
    return an;
  };
  const results = pairs.map((p) => {
    const r = scoreAnalyses(analysis(p.a, p.aDate), analysis(p.b, p.bDate), model);
    return { id: p.id, relation: r.relation, score: r.score };
  });
  const ms = performance.now() - t0;
  if (values.out) writeFileSync(values.out, JSON.stringify(results, null, 1) + "\n");
  const labelled: Scored[] = [];
  const unknown = new Set<string>();
  let unrecognised = 0;
  pairs.forEach((p, i) => {
    const gold = p.label ? goldRelation(p.label) : null;
    if (gold) labelled.push({ source: p.source ?? "all", gold, pred: results[i].relation });
    else if (p.label) {
      unknown.add(p.label);
      unrecognised++;
    }
  });
  const what = values.part ? `part '${values.part}' of ${values.in}` : values.in;
  console.log(
    `${pairs.length} pairs from ${what} in ${(ms / 1000).toFixed(1)} s (${((ms * 1000) / Math.max(1, pairs.length)).toFixed(0)} µs a pair, analysis included)`,
  );
  if (unknown.size)
    console.log(
      `${unrecognised} pairs left out of the figures: labels ${[...unknown].map((l) => JSON.stringify(l)).join(", ")} are not supports, contradicts or neutral`,
    );
  if (labelled.length) for (const [src, f] of bySource(labelled)) console.log(formatFigures(src, f));
}
