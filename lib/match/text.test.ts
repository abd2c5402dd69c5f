import { describe, expect, it } from "vitest";
import { canonStem, contentStems, fold, stem, tokenize } from "./text";

describe("text", () => {
  it("folds accents, curly quotes and dotted initialisms", () => {
    expect(fold("Goïta’s “U.S.” visit")).toBe(`Goita's "US" visit`);
  });
  it("drops possessives but remembers them", () => {
    const t = tokenize("Putin’s call");
    expect(t[0]).toMatchObject({ raw: "Putin", poss: true, cap: true });
  });
  it("stems British and American spellings alike", () => {
    expect(stem("emphasised")).toBe(stem("emphasized"));
    expect(canonStem("injuries")).toBe(canonStem("injured"));
    expect(stem("metres")).toBe(stem("metre"));
  });
  it("maps near-synonyms to one stem", () => {
    expect(canonStem("telephone")).toBe(canonStem("phone"));
    expect(canonStem("toppled")).toBe(canonStem("ousted"));
    expect(canonStem("conversation")).toBe(canonStem("call"));
  });
  it("keeps only content words", () => {
    expect(contentStems("The call was held on the phone")).toEqual(["call", "hold", "phon"]);
  });
});
