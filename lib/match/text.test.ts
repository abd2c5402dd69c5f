import { describe, expect, it } from "vitest";
import { fold, stem, tokenize } from "./text";

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
    expect(stem("metres")).toBe(stem("metre"));
  });
  it("maps irregular forms to their base, and no word to a synonym", () => {
    expect(stem("overthrew")).toBe(stem("overthrow"));
    expect(stem("fell")).toBe(stem("fall"));
    expect(stem("telephone")).not.toBe(stem("phone"));
    expect(stem("troops")).not.toBe(stem("soldiers"));
  });
});
