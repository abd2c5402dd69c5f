import { describe, it, expect } from "vitest";
import { paragraphs } from "./highlight";

describe("paragraphs", () => {
  const text = "First sentence. Second one.\n\nThird <b>bold</b> sentence.";
  it("split on blank lines and mark claims by offsets", () => {
    const p = paragraphs(text, [
      { id: "c2", start: 16, end: 27 },
      { id: "c3", start: 29, end: text.length },
    ]);
    expect(p).toHaveLength(2);
    expect(p[0].segments).toEqual([
      { text: "First sentence. ", start: 0 },
      { text: "Second one.", start: 16, claimId: "c2" },
    ]);
    expect(p[1].segments).toEqual([{ text: "Third <b>bold</b> sentence.", start: 29, claimId: "c3" }]);
  });

  it("lose no character and skip overlapping claims", () => {
    const p = paragraphs(text, [
      { id: "a", start: 0, end: 15 },
      { id: "b", start: 6, end: 20 },
    ]);
    expect(
      p
        .flatMap((x) => x.segments)
        .map((s) => s.text)
        .join(""),
    ).toBe(text.replace("\n\n", ""));
    expect(p[0].segments.filter((s) => s.claimId).map((s) => s.claimId)).toEqual(["a"]);
  });
});
