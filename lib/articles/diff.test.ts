import { describe, it, expect } from "vitest";
import { versionDiff, diffSummary } from "./diff";
import { STORY_V1, STORY_V2 } from "../../tests/news-page";

describe("versionDiff", () => {
  it("shows the edited number, the removed sentence and the added paragraph word by word", () => {
    const { parts, by } = versionDiff(STORY_V1.join("\n\n"), STORY_V2.join("\n\n"));
    expect(by).toBe("word");
    const removed = parts
      .filter((p) => p.kind === "removed")
      .map((p) => p.text)
      .join(" ");
    const added = parts
      .filter((p) => p.kind === "added")
      .map((p) => p.text)
      .join(" ");
    expect(removed.split(/\s+/)).toContain("12");
    expect(removed).toContain("Schools");
    expect(added.split(/\s+/)).toContain("18");
    expect(added).toContain("red alert");
    expect(
      parts
        .filter((p) => p.kind !== "added")
        .map((p) => p.text)
        .join(""),
    ).toBe(STORY_V1.join("\n\n"));
    expect(
      parts
        .filter((p) => p.kind !== "removed")
        .map((p) => p.text)
        .join(""),
    ).toBe(STORY_V2.join("\n\n"));
    const s = diffSummary(parts);
    expect(s.added).toBeGreaterThan(20);
    expect(s.removed).toBeGreaterThan(8);
  });
  it("has nothing to show for the same text", () => {
    expect(versionDiff("a b c", "a b c").parts).toEqual([{ kind: "same", text: "a b c" }]);
  });
});
