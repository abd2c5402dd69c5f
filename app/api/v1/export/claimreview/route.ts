import { route } from "@/lib/http/route";
import { anyObject } from "@/lib/openapi/spec";
import { getDb } from "@/lib/db/client";
import { claimReviewStream, reviewContext } from "@/lib/exports/data";
import { claimReviewQuery } from "@/lib/exports/schema";
import { BEST_RATING, RATING, WORST_RATING } from "@/lib/exports/claimreview";

const ratingScale = Object.values(RATING)
  .map((r) => `${r.value} = ${r.label}`)
  .join(", ");

// schema.org ClaimReview for every reviewed claim (or one verdict / one story), as one JSON-LD
// document {"@context": "https://schema.org", "@graph": [...]}, streamed.
export const GET = route(
  {
    role: "REVIEWER",
    query: claimReviewQuery,
    doc: {
      tag: "Exports",
      summary: "schema.org ClaimReview JSON-LD for approved claims",
      description: `One JSON-LD document {"@context": "https://schema.org", "@graph": [ClaimReview…]}, streamed; approved (published) claims only, as approved. reviewRating.ratingValue: ${ratingScale} (worstRating ${WORST_RATING}, bestRating ${BEST_RATING}); alternateName is the verdict's label, "(disputed)" when confirmed evidence contradicts a corroborated claim. itemReviewed.author is the claimant (the attribution) or else the outlet; appearance is the outlet's own URL of the claim's article. story: a story id from /stories.`,
      success: {
        status: 200,
        description: "The ClaimReview graph.",
        contentType: "application/ld+json",
        schema: { type: "object", properties: { "@context": { const: "https://schema.org" }, "@graph": { type: "array", items: anyObject } } },
      },
    },
  },
  async ({ query }) => {
    const db = getDb();
    const ctx = await reviewContext(db);
    const body = await claimReviewStream(db, query, ctx);
    return new Response(body, { headers: { "content-type": "application/ld+json; charset=utf-8", "cache-control": "no-store" } });
  },
);
