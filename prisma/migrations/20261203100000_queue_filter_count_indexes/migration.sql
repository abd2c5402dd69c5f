-- The queue's status counts under an outlet, an article or an assignee, and its contradiction
-- filter, read only indexes (docs/decisions/029). Each new index extends an old one, which it
-- replaces: every plan that used the old one can use the new one, and writes keep one index each.
-- One outlet's or one assignee's claims of a status, not set aside: an index-only scan.
CREATE INDEX "Claim_articleId_status_setAside_idx" ON "Claim"("articleId", "status", "setAside");
DROP INDEX "Claim_articleId_idx";
CREATE INDEX "Claim_assigneeId_status_setAside_idx" ON "Claim"("assigneeId", "status", "setAside");
DROP INDEX "Claim_assigneeId_idx";
-- With the relation in the index, "has a contradiction suggested" is one index-only lookup, and the
-- queue's suggestion and contradiction counts per claim read the index alone. Links are read per
-- claim and sorted (a dozen rows), so the score need not come before the relation.
CREATE INDEX "ClaimLink_fromClaimId_state_relation_score_idx" ON "ClaimLink"("fromClaimId", "state", "relation", "score" DESC);
DROP INDEX "ClaimLink_fromClaimId_state_score_idx";
-- With the id in the status index, a bounded count under a link filter reads each status's claims
-- from the index alone and probes their links by the index above: no heap page is read.
CREATE INDEX "Claim_status_checkworthiness_setAside_id_idx" ON "Claim"("status", "checkworthiness" DESC, "setAside", "id");
DROP INDEX "Claim_status_checkworthiness_setAside_idx";
