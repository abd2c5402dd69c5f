// RFC 4180 CSV writing with a guard against formula injection. Pure.
import { readSourceChange } from "../articles/source-change";

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
  "outlet",
  "article_title",
  "article_url",
  "article_published_at",
  "article_id",
  "position",
  "claim_id",
  "claim",
  "status",
  "suggested_verdict",
  "publication",
  "checkworthiness",
  "kind",
  "attribution",
  "confirmed_links",
  "linked_claim_ids",
  "reviewers",
  "last_verdict_at",
  "rationale",
  // The article version the claim's words and position come from, and the source change flagged on it.
  "article_version",
  "source_changed",
] as const;

export type ClaimCsvRow = {
  id: string;
  text: string;
  start: number;
  status: string;
  suggestedVerdict: string;
  checkworthiness: number;
  kind: string;
  attribution: string | null;
  publishedAt: Date | null;
  awaitingApproval: boolean;
  anchoredVersion: number;
  sourceChanged: boolean;
  sourceChange: unknown;
  article: { id: string; title: string | null; url: string | null; publishedAt: Date | null; text: string; outlet: { name: string } };
  linksFrom: { toClaimId: string; relation: string; toClaim: { text: string; article: { outlet: { name: string } } } }[];
  verdictEvents: { at: Date; kind: string; rationale: string | null; actor: { name: string; email: string } | null }[];
};

// An article imported without a title is named by its first line (often the headline), cut short.
export function articleTitle(a: { title: string | null; text: string }): string {
  if (a.title) return a.title;
  const line = a.text.trim().split(/\n/)[0]?.trim() ?? "";
  return line.length > 100 ? `${line.slice(0, 99).replace(/\s+\S*$/, "")}…` : line;
}

const publication = (c: ClaimCsvRow) =>
  c.publishedAt ? (c.awaitingApproval ? "published, newer verdict awaiting approval" : "published") : c.awaitingApproval ? "awaiting approval" : "";

// "changed: now reads “…”" or "gone from version 2" while flagged; blank otherwise.
function sourceChangeCell(c: ClaimCsvRow): string {
  const change = readSourceChange(c.sourceChange);
  if (!c.sourceChanged || !change) return "";
  return change.kind === "orphaned" ? `gone from version ${change.toVersion}` : `changed in version ${change.toVersion}: now reads “${change.after}”`;
}

// confirmed_links: "supports · Outlet: “claim text”" joined by " | "; linked_claim_ids alongside for
// machines. reviewers: the distinct people who recorded verdicts or link changes, in the order they first acted.
export function claimCsvFields(c: ClaimCsvRow) {
  const verdicts = c.verdictEvents.filter((e) => e.kind === "VERDICT");
  const last = verdicts[verdicts.length - 1];
  const reviewers = [
    ...new Set(
      c.verdictEvents
        .filter((e) => e.kind === "VERDICT" || e.kind === "LINK")
        .map((e) => e.actor?.name)
        .filter((n): n is string => !!n),
    ),
  ];
  return [
    c.article.outlet.name,
    articleTitle(c.article),
    c.article.url,
    c.article.publishedAt?.toISOString().slice(0, 10) ?? null,
    c.article.id,
    c.start,
    c.id,
    c.text,
    c.status.toLowerCase(),
    c.suggestedVerdict.toLowerCase(),
    publication(c),
    Math.round(c.checkworthiness * 1000) / 1000,
    c.kind.toLowerCase(),
    c.attribution,
    c.linksFrom.map((l) => `${l.relation.toLowerCase()} · ${l.toClaim.article.outlet.name}: “${l.toClaim.text}”`).join(" | "),
    c.linksFrom.map((l) => l.toClaimId).join("; "),
    reviewers.join("; "),
    last?.at.toISOString() ?? null,
    last?.rationale ?? null,
    c.anchoredVersion,
    sourceChangeCell(c),
  ];
}
