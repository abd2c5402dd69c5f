import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { run } from "./pairs";
import { goldRelation } from "./pair-metrics";

describe("eval pairs command", () => {
  let dir = "";
  // run() reads its options from process.argv, as the CLI does.
  const argv = process.argv;
  afterEach(async () => {
    process.argv = argv;
    vi.restoreAllMocks();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("reads labels whatever their case, and maps neutral to none", () => {
    expect(goldRelation("Supports")).toBe("supports");
    expect(goldRelation(" CONTRADICTS ")).toBe("contradicts");
    expect(goldRelation("NEUTRAL")).toBe("none");
    expect(goldRelation("agree")).toBeNull();
  });

  it("writes every pair in input order with its id as given, and says which labels it left out", async () => {
    dir = await mkdtemp(join(tmpdir(), "pairs-"));
    const input = [
      { id: "b", a: "Twelve people were killed in Gao on Sunday.", b: "Nine people were killed in Gao on Sunday.", label: "Contradicts", source: "s" },
      { id: 7, a: "The junta closed the airspace.", b: "Niger's military rulers shut the airspace.", label: "agree", source: "s" },
      { id: "a", a: "The junta closed the airspace.", b: "A", aDate: "2023-08-16", bDate: "2023-08-17" },
    ];
    await writeFile(join(dir, "in.json"), JSON.stringify(input));
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    await run(["--in", join(dir, "in.json"), "--out", join(dir, "out.json")]);
    const out = JSON.parse(await readFile(join(dir, "out.json"), "utf8")) as { id: string | number; relation: string; score: number }[];
    expect(out.map((o) => o.id)).toEqual(["b", 7, "a"]);
    expect(out[0].relation).toBe("contradicts");
    expect(out[2].relation).toBe("none");
    for (const o of out) expect(o.score).toBeGreaterThanOrEqual(0);
    const printed = log.mock.calls.flat().join("\n");
    expect(printed).toContain('1 pairs left out of the figures: labels "agree"');
    expect(printed).toMatch(/s \(1 pairs\): 3-class accuracy 1\.000/);
  });
});
