-- The match job orders articles by their first matching time and reads the latest one on every
-- match; without an index that read scans every article.
CREATE INDEX "Article_matchedAt_idx" ON "Article"("matchedAt");
