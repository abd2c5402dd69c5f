// RFC 4180 CSV writing with a guard against formula injection. Pure.

// A spreadsheet runs a cell that starts with one of these as a formula; a leading ' makes it text.
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return "";
  // Numbers are ours, not user text: -0.5 stays a number.
  let s = typeof v === "string" ? v : String(v);
  if (typeof v === "string" && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

// Records end in CRLF, as RFC 4180 says.
export function csvLine(fields: (string | number | boolean | null | undefined)[]): string {
  return fields.map(csvField).join(",") + "\r\n";
}

export const CLAIM_CSV_COLUMNS = [
  "claim_id", "claim", "status", "suggested_verdict", "checkworthiness", "kind", "attribution",
  "outlet", "article_id", "article_title", "article_url", "article_published_at",
  "confirmed_links", "reviewers", "last_verdict_at", "rationale",
] as const;

export type ClaimCsvRow = {
  id: string; text: string; status: string; suggestedVerdict: string; checkworthiness: number; kind: string; attribution: string | null;
  article: { id: string; title: string | null; url: string | null; publishedAt: Date | null; outlet: { name: string } };
  linksFrom: { toClaimId: string; relation: string }[];
  verdictEvents: { at: Date; verdict: string; previous: string; rationale: string | null; actor: { name: string; email: string } | null }[];
};

// confirmed_links: "<claim id>:<supports|contradicts>" joined by "; ". reviewers: the distinct people
// who recorded verdicts or link changes, in the order they first acted.
export function claimCsvFields(c: ClaimCsvRow, isVerdict: (e: ClaimCsvRow["verdictEvents"][number]) => boolean) {
  const verdicts = c.verdictEvents.filter(isVerdict);
  const last = verdicts[verdicts.length - 1];
  const reviewers = [...new Set(c.verdictEvents.map((e) => e.actor?.name).filter((n): n is string => !!n))];
  return [
    c.id, c.text, c.status.toLowerCase(), c.suggestedVerdict.toLowerCase(), Math.round(c.checkworthiness * 1000) / 1000, c.kind.toLowerCase(), c.attribution,
    c.article.outlet.name, c.article.id, c.article.title, c.article.url, c.article.publishedAt?.toISOString() ?? null,
    c.linksFrom.map((l) => `${l.toClaimId}:${l.relation.toLowerCase()}`).join("; "),
    reviewers.join("; "), last?.at.toISOString() ?? null, last?.rationale ?? null,
  ];
}
