import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { run } from "./checkworthy";
import { binaryMetrics, scoreSentences } from "./metrics";

describe("binaryMetrics", () => {
  it("computes precision, recall and F1 of the positive class", () => {
    const m = binaryMetrics([1, 1, 0, 0, 1], [1, 0, 1, 0, 1]);
    expect(m.precision).toBeCloseTo(2 / 3);
    expect(m.recall).toBeCloseTo(2 / 3);
    expect(m.f1).toBeCloseTo(2 / 3);
    expect(m.support).toBe(3);
  });

  it("gives zeros rather than NaN when nothing is predicted", () => {
    expect(binaryMetrics([1, 0], [0, 0])).toMatchObject({ precision: 0, recall: 0, f1: 0 });
  });
});

describe("scoreSentences", () => {
  it("labels by threshold and keeps input order", () => {
    const items = [
      { sentence_id: 7, text: "Thank you." },
      { sentence_id: 3, text: "Unemployment fell to 3.5 percent in 2019, the Labor Department said." },
    ];
    expect(scoreSentences(items, 0.5).map((s) => [s.sentence_id, s.label])).toEqual([
      [7, 0],
      [3, 1],
    ]);
    expect(scoreSentences(items, 0).every((s) => s.label === 1)).toBe(true);
  });
});

describe("eval checkworthy command", () => {
  let dir = "";
  afterEach(async () => {
    vi.restoreAllMocks();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("writes scores in input order and prints P/R/F1 when labels are present", async () => {
    dir = await mkdtemp(join(tmpdir(), "cw-"));
    const input = [
      { sentence_id: 10, text: "We cut taxes by $5.7 billion in 2003, the largest cut ever.", label: 1 },
      { sentence_id: 4, text: "Thank you, Jim.", label: 0 },
      { sentence_id: 8, text: "I think that's wrong.", label: 0 },
    ];
    await writeFile(join(dir, "in.json"), JSON.stringify(input));
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    await run(["--in", join(dir, "in.json"), "--out", join(dir, "out.json"), "--threshold", "0.5"]);
    const out = JSON.parse(await readFile(join(dir, "out.json"), "utf8")) as { sentence_id: number; score: number; label: number }[];
    expect(out.map((o) => o.sentence_id)).toEqual([10, 4, 8]);
    expect(out.map((o) => o.label)).toEqual([1, 0, 0]);
    const printed = log.mock.calls.flat().join("\n");
    expect(printed).toContain("threshold 0.5");
    expect(printed).toMatch(/precision=1\.000\s+recall=1\.000\s+F1=1\.000/);
  });

  it("rejects a missing --out", async () => {
    await expect(run(["--in", "x.json"])).rejects.toThrow(/usage/);
  });
});
