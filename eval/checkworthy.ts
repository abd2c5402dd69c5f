// `npm run eval -- checkworthy --in FILE.json --out OUT.json [--threshold X]`: scores ClaimBuster-style
// sentences with the offline check-worthiness model and, when gold labels are given, reports P/R/F1.
import { readFile, writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { CHECKWORTHY_THRESHOLD } from "../lib/extract/checkworthy";
import { binaryMetrics, scoreSentences, type LabelledSentence } from "./metrics";

function parseInput(raw: unknown): LabelledSentence[] {
  if (!Array.isArray(raw)) throw new Error("--in must hold a JSON array of {sentence_id, text, label?}");
  return raw.map((r, i) => {
    if (typeof r !== "object" || r === null || typeof r.text !== "string" || r.sentence_id === undefined) {
      throw new Error(`item ${i} lacks sentence_id or text`);
    }
    return { sentence_id: r.sentence_id, text: r.text, label: r.label === undefined ? undefined : Number(r.label) };
  });
}

const pct = (x: number) => x.toFixed(3);

function report(name: string, items: LabelledSentence[], predicted: number[]): void {
  const m = binaryMetrics(
    items.map((it) => it.label ?? 0),
    predicted,
  );
  console.log(`${name.padEnd(36)} n=${String(items.length).padStart(5)}  precision=${pct(m.precision)}  recall=${pct(m.recall)}  F1=${pct(m.f1)}`);
}

export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { in: { type: "string" }, out: { type: "string" }, threshold: { type: "string" } },
  });
  const { in: inPath, out: outPath, threshold: thresholdArg } = values;
  if (!inPath || !outPath) throw new Error("usage: eval checkworthy --in FILE.json --out OUT.json [--threshold X]");
  const threshold = thresholdArg === undefined ? CHECKWORTHY_THRESHOLD : Number(thresholdArg);
  if (!Number.isFinite(threshold)) throw new Error(`--threshold must be a number, got ${thresholdArg}`);

  const items = parseInput(JSON.parse(await readFile(inPath, "utf8")));
  const scored = scoreSentences(items, threshold);
  await writeFile(outPath, `[\n${scored.map((s) => JSON.stringify(s)).join(",\n")}\n]\n`);
  console.log(`scored ${scored.length} sentences -> ${outPath} (threshold ${threshold})`);

  const labelled = items.map((it, i) => ({ it, p: scored[i].label as number })).filter(({ it }) => it.label !== undefined);
  if (labelled.length === 0) return;
  report(
    "all labelled (positive class)",
    labelled.map((x) => x.it),
    labelled.map((x) => x.p),
  );
  // The weights were fitted on ids divisible by 4; the other ids are the honest, held-out figure.
  const numeric = labelled.filter(({ it }) => Number.isInteger(Number(it.sentence_id)));
  const heldOut = numeric.filter(({ it }) => Number(it.sentence_id) % 4 !== 0);
  const fitted = numeric.filter(({ it }) => Number(it.sentence_id) % 4 === 0);
  if (heldOut.length && fitted.length) {
    report(
      "held out (sentence_id % 4 != 0)",
      heldOut.map((x) => x.it),
      heldOut.map((x) => x.p),
    );
    report(
      "fitting half (sentence_id % 4 == 0)",
      fitted.map((x) => x.it),
      fitted.map((x) => x.p),
    );
  }
}
