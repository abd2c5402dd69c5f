// `npm run eval -- <suite> ...`: each suite lives in its own file, eval/<suite>.ts, exporting run(argv).
const suites = ["checkworthy", "stance", "links", "pairs"] as const;
type Suite = (typeof suites)[number];

const [suite, ...rest] = process.argv.slice(2);
if (!suites.includes(suite as Suite)) {
  console.error(`usage: npm run eval -- <${suites.join("|")}> [options]`);
  process.exit(2);
}
const mod = (await import(`./${suite}.ts`)) as { run(argv: string[]): Promise<void> };
await mod.run(rest);
export {};
