// schema.org ClaimReview for a reviewed claim. Pure: the data comes from lib/exports/data.ts.
// Rating scale (documented in the OpenAPI description too): 1 = Contradicted, 2 = Single-sourced,
// 3 = Corroborated; worstRating 1, bestRating 3.
export type ReviewedStatus = "CORROBORATED" | "SINGLE_SOURCED" | "CONTRADICTED";

export const RATING: Record<ReviewedStatus, { value: number; label: string }> = {
  CONTRADICTED: { value: 1, label: "Contradicted" },
  SINGLE_SOURCED: { value: 2, label: "Single-sourced" },
  CORROBORATED: { value: 3, label: "Corroborated" },
};
export const WORST_RATING = 1;
export const BEST_RATING = 3;
export const CLAIM_REVIEWED_MAX = 75;

const ELLIPSIS = "…";

// At most `max` characters including the ellipsis, cut where a word ends. A single word longer
// than the limit is cut inside the word: there is no boundary to cut at.
export function shortenClaim(text: string, max = CLAIM_REVIEWED_MAX): string {
  const s = text.replace(/\s+/g, " ").trim();
  if (s.length <= max) return s;
  const room = max - ELLIPSIS.length;
  let cut = -1;
  for (let i = room; i > 0; i--) {
    if (s[i] === " ") {
      cut = i;
      break;
    }
  }
  const kept = (cut > 0 ? s.slice(0, cut) : s.slice(0, room)).replace(/[\s,;:–—-]+$/, "");
  return kept + ELLIPSIS;
}

export type ReviewArticle = {
  id: string;
  url: string | null;
  title: string | null;
  publishedAt: Date | null;
  outlet: { name: string; domain: string | null };
};
export type EvidenceItem = {
  relation: "SUPPORTS" | "CONTRADICTS";
  independent: boolean;
  claim: { id: string; text: string; prefix: string; suffix: string; article: ReviewArticle };
};
// An approved review (lib/publishing): the claim, who made it (attribution), the frozen verdict and evidence.
export type ClaimReviewSubject = {
  id: string;
  text: string;
  attribution: string | null;
  article: ReviewArticle;
  status: ReviewedStatus;
  disputed: boolean;
  rationale: string | null;
  approvedAt: Date;
  evidence: EvidenceItem[];
  // Set when the source article changed the claim's words after the review was approved (docs/decisions/023).
  sourceNote?: string | null;
};
export type ClaimReviewContext = { siteUrl: string; organisation: { name: string; url: string | null } };

function organization(name: string, url: string | null) {
  return { "@type": "Organization", name, ...(url ? { url } : {}) };
}

const outletOrg = (o: ReviewArticle["outlet"]) => organization(o.name, o.domain ? `https://${o.domain}` : null);

// "the Kremlin", "the health ministry" and acronyms ("NATO", "ECOWAS") name bodies; "Dmitry Peskov" names a person.
const BODY =
  /^the\s|\b(?:ministry|government|office|agency|army|military|council|commission|committee|police|department|spokes(?:man|woman|person) for|party|union|court|company|bank|authorities|officials)\b/i;
// An acronym names a body only where no word is a capitalised name ("JD Vance", "Gen. Abdourahamane
// TIANI" are people), and a Roman numeral is no acronym ("King Charles III").
const ACRONYM = /\b(?![IVXLCDM]+\b)\p{Lu}{2,}\b/u;
const NAME_WORD = /\b\p{Lu}\p{Ll}/u;
export function claimant(attribution: string) {
  const name = attribution.trim();
  return { "@type": BODY.test(name) || (ACRONYM.test(name) && !NAME_WORD.test(name)) ? "Organization" : "Person", name };
}

// Only an outlet's own URL is an appearance: the desk's article pages need a login (docs/decisions/015).
function creativeWork(a: ReviewArticle & { url: string }) {
  return {
    "@type": "CreativeWork",
    url: a.url,
    ...(a.title ? { headline: a.title } : {}),
    ...(a.publishedAt ? { datePublished: a.publishedAt.toISOString() } : {}),
    publisher: outletOrg(a.outlet),
  };
}

export function publicClaimUrl(siteUrl: string, id: string): string {
  return `${siteUrl}/r/${id}`;
}

export function ratingLabel(status: ReviewedStatus, disputed: boolean) {
  return disputed ? `${RATING[status].label} (disputed)` : RATING[status].label;
}

export function buildClaimReview(c: ClaimReviewSubject, ctx: ClaimReviewContext) {
  const rating = RATING[c.status];
  const against = c.evidence.filter((e) => e.relation === "CONTRADICTS").map((e) => e.claim.article.outlet.name);
  // The claim appears in its own article; evidence from other outlets is evidence, not an appearance.
  const appearance = c.article.url ? creativeWork({ ...c.article, url: c.article.url }) : null;
  return {
    "@type": "ClaimReview",
    "@id": publicClaimUrl(ctx.siteUrl, c.id),
    url: publicClaimUrl(ctx.siteUrl, c.id),
    claimReviewed: shortenClaim(c.text),
    text: c.text,
    ...(c.rationale || c.sourceNote ? { reviewBody: [c.rationale, c.sourceNote].filter(Boolean).join("\n\n") } : {}),
    datePublished: c.approvedAt.toISOString().slice(0, 10),
    author: organization(ctx.organisation.name, ctx.organisation.url),
    reviewRating: {
      "@type": "Rating",
      alternateName: ratingLabel(c.status, c.disputed),
      ratingValue: rating.value,
      bestRating: BEST_RATING,
      worstRating: WORST_RATING,
      ...(c.disputed ? { ratingExplanation: `Disputed: contradicted by ${[...new Set(against)].join(", ")}.` } : {}),
    },
    itemReviewed: {
      "@type": "Claim",
      author: c.attribution ? claimant(c.attribution) : outletOrg(c.article.outlet),
      ...(appearance ? { appearance: [appearance], firstAppearance: appearance } : {}),
      ...(c.article.publishedAt ? { datePublished: c.article.publishedAt.toISOString() } : {}),
    },
  };
}
export type ClaimReview = ReturnType<typeof buildClaimReview>;

export const SCHEMA_ORG = "https://schema.org";

// JSON for an inline <script type="application/ld+json">: "<" becomes \u003c (still valid JSON), so
// neither "</script>" nor "<!--" in a claim can end the script early. U+2028/9 are escaped likewise.
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
