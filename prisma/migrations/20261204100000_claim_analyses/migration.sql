-- What the pair model's analysis reads from the tagger, dates and numbers, stored once per claim so
-- that every matching worker rebuilds a candidate's analysis instead of tagging it again
-- (docs/decisions/034). "key" is a hash of everything the analysis reads (text, context,
-- attribution, the article's publication date) and of the analysis format: a row whose key differs
-- is stale and is replaced. A cache: deleting rows loses nothing but time.
CREATE TABLE "ClaimAnalysis" (
  "claimId" UUID NOT NULL,
  "key" TEXT NOT NULL,
  "data" JSONB NOT NULL,
  CONSTRAINT "ClaimAnalysis_pkey" PRIMARY KEY ("claimId"),
  CONSTRAINT "ClaimAnalysis_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
