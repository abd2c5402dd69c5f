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
  id: string; url: string | null; title: string | null; publishedAt: Date | null;
  outlet: { name: string; domain: string | null };
};
export type ClaimReviewSubject = {
  id: string; text: string; status: ReviewedStatus; updatedAt: Date;
  article: ReviewArticle;
  // Articles of the claim's confirmed SUPPORTS links: other places the claim appears.
  supporting: ReviewArticle[];
  latestVerdictAt: Date | null;
  rationale: string | null;
};
export type ClaimReviewContext = { siteUrl: string; organisation: { name: string; url: string | null } };

function organization(name: string, url: string | null) {
  return { "@type": "Organization", name, ...(url ? { url } : {}) };
}

export function articleUrl(a: { id: string; url: string | null }, siteUrl: string): string {
  return a.url ?? `${siteUrl}/articles/${a.id}`;
}

function creativeWork(a: ReviewArticle, siteUrl: string) {
  return {
    "@type": "CreativeWork",
    url: articleUrl(a, siteUrl),
    ...(a.title ? { headline: a.title } : {}),
    ...(a.publishedAt ? { datePublished: a.publishedAt.toISOString() } : {}),
    author: organization(a.outlet.name, a.outlet.domain ? `https://${a.outlet.domain}` : null),
  };
}

export function publicClaimUrl(siteUrl: string, id: string): string {
  return `${siteUrl}/r/${id}`;
}

export function buildClaimReview(c: ClaimReviewSubject, ctx: ClaimReviewContext) {
  const seen = new Set<string>();
  const articles = [c.article, ...c.supporting].filter((a) => (seen.has(a.id) ? false : (seen.add(a.id), true)));
  // The earliest dated appearance; undated articles count only when none is dated.
  const dated = articles.filter((a) => a.publishedAt).sort((a, b) => a.publishedAt!.getTime() - b.publishedAt!.getTime());
  const first = dated[0] ?? c.article;
  const rating = RATING[c.status];
  return {
    "@type": "ClaimReview",
    "@id": publicClaimUrl(ctx.siteUrl, c.id),
    url: publicClaimUrl(ctx.siteUrl, c.id),
    claimReviewed: shortenClaim(c.text),
    text: c.text,
    ...(c.rationale ? { reviewBody: c.rationale } : {}),
    datePublished: (c.latestVerdictAt ?? c.updatedAt).toISOString().slice(0, 10),
    author: organization(ctx.organisation.name, ctx.organisation.url),
    reviewRating: {
      "@type": "Rating",
      alternateName: rating.label,
      ratingValue: rating.value,
      bestRating: BEST_RATING,
      worstRating: WORST_RATING,
    },
    itemReviewed: {
      "@type": "Claim",
      appearance: articles.map((a) => creativeWork(a, ctx.siteUrl)),
      firstAppearance: creativeWork(first, ctx.siteUrl),
      author: organization(c.article.outlet.name, c.article.outlet.domain ? `https://${c.article.outlet.domain}` : null),
      ...(c.article.publishedAt ? { datePublished: c.article.publishedAt.toISOString() } : {}),
    },
  };
}
export type ClaimReview = ReturnType<typeof buildClaimReview>;

export const SCHEMA_ORG = "https://schema.org";

// JSON for an inline <script type="application/ld+json">: "<" becomes \u003c (still valid JSON), so
// neither "</script>" nor "<!--" in a claim can end the script early. U+2028/9 are escaped likewise.
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}
