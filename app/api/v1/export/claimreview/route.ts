import { route } from "@/lib/http/route";
import { getDb } from "@/lib/db/client";
import { claimReviewStream, reviewContext } from "@/lib/exports/data";
import { claimReviewQuery } from "@/lib/exports/schema";

// schema.org ClaimReview for every reviewed claim (or one verdict / one story), as one JSON-LD
// document {"@context": "https://schema.org", "@graph": [...]}, streamed.
export const GET = route({ role: "REVIEWER", query: claimReviewQuery }, async ({ query }) => {
  const db = getDb();
  const ctx = await reviewContext(db);
  const body = await claimReviewStream(db, query, ctx);
  return new Response(body, { headers: { "content-type": "application/ld+json; charset=utf-8", "cache-control": "no-store" } });
});
