import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { run, verdictReport } from "./stance";

describe("eval stance: the suggested verdict figure", () => {
  let dir = "";
  afterEach(async () => {
    vi.restoreAllMocks();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("reads agreeing reports as corroborated and disagreeing ones as contradicted, per stance", () => {
    const out = verdictReport(
      ["corroborated", "contradicted", "corroborated", "contradicted", "contradicted", "single_sourced"],
      ["agree", "agree", "discuss", "disagree", "disagree", "disagree"],
    );
    expect(out).toContain("agree     (2): corroborated 0.50, contradicted 0.50, single-sourced 0.00");
    expect(out).toContain("discuss   (1): corroborated 1.00, contradicted 0.00");
    expect(out).toContain("disagree  (3): corroborated 0.00, contradicted 0.67, single-sourced 0.33");
    // (0.5 + 2/3) / 2
    expect(out).toContain("balanced accuracy (agree read as corroborated, disagree as contradicted): 0.583");
  });

  it("prints it from the shipped pair model and verdict rule: two supports outweigh one contradiction", async () => {
    dir = await mkdtemp(join(tmpdir(), "stance-"));
    const bodies = join(dir, "bodies.csv"),
      stances = join(dir, "stances.csv");
    // Against the first headline the body has two supporting sentences and one that contradicts it
    // (nine killed, not twelve): the earlier rule read that as Contradicted. Against the second (three
    // killed) two sentences contradict and one supports.
    const body =
      "Twelve people were killed in an attack on a market in Gao on Sunday, officials said. The army sent troops to the town. " +
      "A local official said nine people were killed in the attack on the market. Residents said the market reopened on Monday.";
    await writeFile(bodies, `Body ID,articleBody\n2,"${body}"\n`);
    await writeFile(
      stances,
      'Headline,Body ID,Stance\n"Twelve people were killed in an attack on a market in Gao",2,agree\n"Three people were killed in an attack on a market in Gao",2,disagree\n',
    );
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    await run(["--bodies", bodies, "--stances", stances]);
    const printed = log.mock.calls.map((c) => String(c[0])).join("\n");
    expect(printed).toContain("suggested verdict of the headline from the body's passages as one outlet");
    expect(printed).toContain("agree     (1): corroborated 1.00, contradicted 0.00");
    expect(printed).toContain("disagree  (1): corroborated 0.00, contradicted 1.00");
    expect(printed).toContain("balanced accuracy (agree read as corroborated, disagree as contradicted): 1.000");
  });
});
