import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { antonymPairs, caseCounts, wordnetAntonyms, wordnetCommonWords } from "./wordnet";
import { COMMON_WORDS_FILE } from "../lib/match/pair/common-words";
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

describe("the common-word table from WordNet", () => {
  // "Man" is one synset capitalised (the isle) and two lower-cased; "Paris" capitalised only; "china"
  // once each way. A word is counted once per synset, and multi-word entries are left out.
  const CASES = [
    "00000060 05 n 02 man 0 adult_male 0 000 | an adult person who is male",
    "00000070 05 n 02 man 0 man 1 000 | the human race",
    "00000080 15 n 01 Man 0 000 | an island in the Irish Sea",
    "00000090 15 n 01 Paris 0 000 | the capital of France",
    "00000100 06 n 01 china 0 000 | dishware made of porcelain",
    "00000110 15 n 01 China 0 000 | a republic in eastern Asia",
    "",
  ].join("\n");

  it("counts each word's synsets lower-cased and capitalised", () => {
    const c = caseCounts(CASES);
    expect(c.get("man")).toEqual({ lower: 2, upper: 1 });
    expect(c.get("paris")).toEqual({ lower: 0, upper: 1 });
    expect(c.get("china")).toEqual({ lower: 1, upper: 1 });
    expect(c.has("adult_male")).toBe(false);
  });

  it("is what the committed table holds: common words, not names, of the vector vocabulary", () => {
    const vocabulary = readFileSync(path.join(modelDir(), "vectors-words.txt"), "utf8").split("\n").filter(Boolean);
    const derived = wordnetCommonWords(vocabulary);
    for (const w of ["report", "man", "bear", "say"]) expect(derived).toContain(w);
    for (const w of ["paris", "china", "pentagon", "obama"]) expect(derived).not.toContain(w);
    expect(readFileSync(path.join(modelDir(), COMMON_WORDS_FILE), "utf8")).toBe(derived.join("\n") + "\n");
  });
});
