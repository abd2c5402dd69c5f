import { describe, it, expect } from "vitest";
import { emphasise, reasonTokens } from "./emphasis";

describe("emphasis from match reasons", () => {
  it("marks differing tokens strong and shared ones as emphasis", () => {
    const marks = reasonTokens(["numbers differ: 12 vs 9", "shared entities: Putin, Niger", "shared words: call, peace"]);
    expect(marks).toEqual([
      { token: "12", emphasis: "differs" },
      { token: "9", emphasis: "differs" },
      { token: "Putin", emphasis: "shared" },
      { token: "Niger", emphasis: "shared" },
      { token: "call", emphasis: "shared" },
      { token: "peace", emphasis: "shared" },
    ]);
    expect(emphasise("Putin said 9 people died in Niger, not 19.", marks)).toEqual([
      { text: "Putin", emphasis: "shared" },
      { text: " said " },
      { text: "9", emphasis: "differs" },
      { text: " people died in " },
      { text: "Niger", emphasis: "shared" },
      { text: ", not 19." },
    ]);
  });

  it("keeps the text whole and prefers the longer token", () => {
    const marks = reasonTokens(["shared entities: Vladimir Putin, Putin"]);
    const pieces = emphasise("Vladimir Putin spoke.", marks);
    expect(pieces.map((p) => p.text).join("")).toBe("Vladimir Putin spoke.");
    expect(pieces[0]).toEqual({ text: "Vladimir Putin", emphasis: "shared" });
    expect(emphasise("no marks here", [])).toEqual([{ text: "no marks here" }]);
  });
});
