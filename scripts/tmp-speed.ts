import { readFileSync } from "node:fs";
import { analyzePassage } from "../lib/match/pair/analyze";
import { loadPairModel, scoreAnalyses } from "../lib/match/pair/model";
const items = JSON.parse(readFileSync("../shared/data/pairs-dev.json", "utf8")).slice(8000, 8060);
const model = loadPairModel();
analyzePassage({ text: "warm up the tagger" });
const c1 = process.cpuUsage();
const an = items.map((x: any) => analyzePassage({ text: x.a }));
const cc = process.cpuUsage(c1);
console.log("analysis cpu ms/passage", ((cc.user + cc.system) / 1000 / an.length).toFixed(3));
const A = an.slice(0, 30), B = an.slice(30, 60);
for (let rep = 0; rep < 5; rep++) {
  const c0 = process.cpuUsage();
  for (const a of A) for (const b of B) scoreAnalyses(a, b, model);
  const c = process.cpuUsage(c0);
  console.log("900 pairs cpu ms", ((c.user + c.system) / 1000).toFixed(1));
}
