-- Verdict integrity and publishing (docs/decisions/014, 015).

-- What a history row records. Link changes were told apart by a rationale prefix; the kind makes
-- that explicit and adds approvals, unpublishing and "needs re-review" flags.
CREATE TYPE "HistoryKind" AS ENUM ('VERDICT', 'LINK', 'APPROVAL', 'UNPUBLISH', 'NEEDS_REVIEW');
ALTER TABLE "VerdictEvent" ADD COLUMN "kind" "HistoryKind" NOT NULL DEFAULT 'VERDICT';
-- Filling in a column this migration adds is not rewriting history: the append-only trigger is
-- lifted for this one statement, inside the migration's transaction.
ALTER TABLE "VerdictEvent" DISABLE TRIGGER "VerdictEvent_append_only";
UPDATE "VerdictEvent" SET "kind" = 'LINK' WHERE "verdict" = "previous" AND "rationale" LIKE 'Link change: %';
ALTER TABLE "VerdictEvent" ENABLE TRIGGER "VerdictEvent_append_only";
CREATE INDEX "VerdictEvent_kind_at_idx" ON "VerdictEvent"("kind", "at");

-- Who confirmed a link and when: the Web Annotation's creator and created.
ALTER TABLE "ClaimLink" ADD COLUMN "confirmedAt" TIMESTAMPTZ(3);
ALTER TABLE "ClaimLink" ADD COLUMN "confirmedById" UUID;
UPDATE "ClaimLink" SET "confirmedAt" = "updatedAt", "confirmedById" = "createdById" WHERE "state" = 'CONFIRMED';
CREATE INDEX "ClaimLink_confirmedById_idx" ON "ClaimLink"("confirmedById");
ALTER TABLE "ClaimLink" ADD CONSTRAINT "ClaimLink_confirmedById_fkey" FOREIGN KEY ("confirmedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A verdict whose evidence changed under it (independence recomputed, a contradiction added).
ALTER TABLE "Claim" ADD COLUMN "needsReview" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Claim" ADD COLUMN "needsReviewReason" TEXT;
-- Publishing: the approved review is a snapshot, so the public page keeps showing it while a newer
-- verdict awaits approval.
ALTER TABLE "Claim" ADD COLUMN "awaitingApproval" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Claim" ADD COLUMN "published" JSONB;
ALTER TABLE "Claim" ADD COLUMN "publishedAt" TIMESTAMPTZ(3);
UPDATE "Claim" SET "awaitingApproval" = true WHERE "status" <> 'UNREVIEWED';
CREATE INDEX "Claim_needsReview_idx" ON "Claim"("needsReview");
CREATE INDEX "Claim_awaitingApproval_idx" ON "Claim"("awaitingApproval");
CREATE INDEX "Claim_publishedAt_idx" ON "Claim"("publishedAt");
