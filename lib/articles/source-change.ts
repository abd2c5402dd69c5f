// What a re-fetch recorded on a claim whose words changed or went (docs/decisions/023). Pure, so
// pages, exports and the public page read it alike.

export type SourceChange = {
  kind: "changed" | "orphaned";
  fromVersion: number;
  toVersion: number;
  before: string;
  after: string | null;
  similarity: number | null;
  at: string;
};

/** A stored change read back from JSON; null for anything that is not one. */
export function readSourceChange(v: unknown): SourceChange | null {
  if (!v || typeof v !== "object") return null;
  const c = v as SourceChange;
  return (c.kind === "changed" || c.kind === "orphaned") && typeof c.before === "string" && typeof c.toVersion === "number" ? c : null;
}

export const changeNote = (c: SourceChange) =>
  c.kind === "orphaned"
    ? `Version ${c.toVersion} of the source no longer contains this claim (it was: “${c.before}”).`
    : `Version ${c.toVersion} of the source changed this claim's words: it now reads “${c.after}” (it was: “${c.before}”).`;

/** The note a published review carries when its source changed after the review was approved. */
export function publishedChangeNote(change: SourceChange | null, approvedAt: string | null | undefined): string | null {
  if (!change || !approvedAt || change.at < approvedAt) return null;
  return `Note: the source article was changed after this review. ${changeNote(change)}`;
}
