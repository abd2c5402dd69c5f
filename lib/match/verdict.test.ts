import { describe, expect, it } from "vitest";
import { suggestVerdict } from "./verdict";

describe("suggestVerdict", () => {
  it("contradicted beats corroborated when an independent source contradicts", () => {
    expect(
      suggestVerdict([
        { relation: "supports", independent: true },
        { relation: "contradicts", independent: true },
      ]),
    ).toBe("contradicted");
  });
  it("corroborated needs an independent supporter", () => {
    expect(suggestVerdict([{ relation: "supports", independent: true }])).toBe("corroborated");
    expect(
      suggestVerdict([
        { relation: "supports", independent: false },
        { relation: "contradicts", independent: false },
      ]),
    ).toBe("single_sourced");
    expect(suggestVerdict([])).toBe("single_sourced");
  });
});
