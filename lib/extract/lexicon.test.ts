import { describe, expect, it } from "vitest";
import { DATE_RE, SPEECH_VERB_RE } from "./lexicon";

describe("lexicon", () => {
  it("recognises dates without mistaking the modal 'may' for May", () => {
    for (const s of ["on Tuesday", "on Aug. 15", "in September", "in 2022", "on May 26", "three years ago", "last month"]) {
      expect(DATE_RE.test(s), s).toBe(true);
    }
    expect(DATE_RE.test("Niger may follow Mali")).toBe(false);
  });

  it("finds speech verbs but not the 'States' of a name", () => {
    expect(SPEECH_VERB_RE.test("the Kremlin said")).toBe(true);
    expect(SPEECH_VERB_RE.test("According to the statement")).toBe(true);
    expect(SPEECH_VERB_RE.test("the Economic Community of West African States")).toBe(false);
  });
});
