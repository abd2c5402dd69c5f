import { describe, it, expect } from "vitest";
import { normalizeName, skeleton } from "./names";

describe("normalizeName", () => {
  it("drops bidi controls and zero-width characters, applies NFKC and collapses spaces", () => {
    expect(normalizeName("Good News \u202e")).toBe("Good News");
    expect(normalizeName("Africanews\u200b")).toBe("Africanews");
    expect(normalizeName("\u2066Le\u00a0Monde\u2069 ")).toBe("Le Monde");
    expect(normalizeName("Ｒｅｕｔｅｒｓ")).toBe("Reuters");
    expect(normalizeName("Al\u200dJazeera\ufeff")).toBe("AlJazeera");
  });
});

describe("skeleton", () => {
  it("is one for names that look alike across scripts and cases", () => {
    expect(skeleton("\u0410fricanews")).toBe(skeleton("Africanews")); // Cyrillic А
    expect(skeleton("R\u0435uters")).toBe(skeleton("Reuters")); // Cyrillic е
    expect(skeleton("Africanews\u200b")).toBe(skeleton("africanews"));
    expect(skeleton("rnodern")).toBe(skeleton("modern"));
  });

  it("keeps names that read differently apart", () => {
    expect(skeleton("Le Monde")).not.toBe(skeleton("Le Mondé"));
    expect(skeleton("Reuters")).not.toBe(skeleton("Reuter"));
    expect(skeleton("TASS")).not.toBe(skeleton("RIA"));
  });
});
