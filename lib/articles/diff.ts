import { diffLines, diffWords } from "diff";

// What changed between two versions of an article, as runs of text to render as React text
// (never HTML). Word by word; a diff too large or slow to compute word by word falls back to lines.

export type DiffPart = { kind: "same" | "added" | "removed"; text: string };

export function versionDiff(before: string, after: string): { parts: DiffPart[]; by: "word" | "line" } {
  const words = before.length + after.length <= 400_000 ? diffWords(before, after, { timeout: 2_000 }) : undefined;
  const changes = words ?? diffLines(before, after);
  return { parts: changes.map((c) => ({ kind: c.added ? "added" : c.removed ? "removed" : "same", text: c.value })), by: words ? "word" : "line" };
}

/** How much changed: words added and removed. */
export function diffSummary(parts: DiffPart[]) {
  const count = (k: DiffPart["kind"]) => parts.filter((p) => p.kind === k).reduce((n, p) => n + (p.text.match(/\S+/g)?.length ?? 0), 0);
  return { added: count("added"), removed: count("removed") };
}
