-- Who created or confirmed a link is known only for links a reviewer made or confirmed; the
-- matcher's suggestions, nearly every row, have neither. The two indexes served only lookups by a
-- user (the foreign keys' ON DELETE SET NULL when a user is deleted), yet held an entry for every
-- NULL, written with every suggestion. On the generated desk of 1,000,000 claims (3 million links)
-- each was 19.9 MB (btree deduplication packs the NULLs); partial, 0 and 0.7 MB, and two index
-- insertions fewer per suggestion stored. "createdById" = $1 implies "createdById" IS NOT NULL, so
-- the same lookups use them (lib/db/link-indexes.test.ts).
DROP INDEX "ClaimLink_createdById_idx";
CREATE INDEX "ClaimLink_createdById_idx" ON "ClaimLink"("createdById") WHERE "createdById" IS NOT NULL;
DROP INDEX "ClaimLink_confirmedById_idx";
CREATE INDEX "ClaimLink_confirmedById_idx" ON "ClaimLink"("confirmedById") WHERE "confirmedById" IS NOT NULL;
