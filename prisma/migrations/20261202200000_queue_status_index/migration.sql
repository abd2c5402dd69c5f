-- The queue's status counts read only the index (docs/decisions/021): with "setAside" in it, a count
-- of one status's claims that are not set aside is an index-only scan, instead of a heap visit per
-- claim. The old index is a prefix of the new one, so every plan that used it can use this.
CREATE INDEX "Claim_status_checkworthiness_setAside_idx" ON "Claim"("status", "checkworthiness" DESC, "setAside");
DROP INDEX "Claim_status_checkworthiness_idx";
