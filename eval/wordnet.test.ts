import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { antonymPairs, wordnetAntonyms } from "./wordnet";
import { ANTONYMS_FILE } from "../lib/match/pair/antonyms";
import { modelDir } from "../lib/match/pair/vectors";

// Three synsets in WordNet's data-file format: "rise" (word 1 of 00000010) points to "fall" (word 2 of
// 00000020) by an antonym pointer (!, source 01, target 02); the other pointers are not antonymy.
const DATA = [
  "  1 This software and database is being provided to you, the LICENSEE, by",
  "00000010 30 v 02 rise 0 go_up 0 002 ! 00000020 v 0102 @ 00000030 v 0000 01 + 02 00 | move upward",
  "00000020 30 v 02 descend 0 fall 0 001 ! 00000010 v 0201 | move downward",
  "00000030 30 v 02 move 0 travel_up 0 001 ! 00000010 v 0202 | change location",
  "00000040 00 a 01 guilty(p) 0 001 ! 00000050 a 0101 | responsible for a crime",
  "00000050 00 a 01 innocent 0 001 ! 00000040 a 0101 | free from guilt",
  "",
].join("\n");

describe("the antonym table from WordNet", () => {
  it("reads the antonymy pointers between single words, each pair once, and nothing else", () => {
    expect(antonymPairs(DATA).sort()).toEqual([
      ["fall", "rise"],
      ["guilty", "innocent"],
    ]);
  });

  it("is what the committed table holds: the data can be derived again from the package", () => {
    const derived = wordnetAntonyms();
    expect(derived).toContain("fall\trise");
    expect(derived).toContain("decrease\tincrease");
    expect(derived.length).toBeGreaterThan(3000);
    expect(readFileSync(path.join(modelDir(), ANTONYMS_FILE), "utf8")).toBe(derived.join("\n") + "\n");
  });
});
