-- A claim's offsets index the article version it is anchored on (docs/decisions/023), so one span
-- is unique per article and version: a claim left on version 1 (its words gone) may share numbers
-- with a claim placed on version 2. Deferrable, so a re-anchoring transaction may move claims past
-- one another and be checked at commit.
DROP INDEX "Claim_articleId_start_end_key";
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_articleId_anchoredVersion_start_end_key" UNIQUE ("articleId", "anchoredVersion", "start", "end") DEFERRABLE INITIALLY IMMEDIATE;
