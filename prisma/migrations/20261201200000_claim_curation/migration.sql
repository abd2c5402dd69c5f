-- Curation: reviewers set claims aside, edit, split, merge and add them (docs/decisions/016), and
-- admins remove articles and junk claims (docs/decisions/017).

CREATE TYPE "SetAsideReason" AS ENUM ('OPINION', 'PREDICTION', 'VAGUE', 'DUPLICATE');
CREATE TYPE "ClaimOrigin" AS ENUM ('EXTRACTED', 'REVIEWER');

ALTER TABLE "Claim"
  ADD COLUMN "setAside" "SetAsideReason",
  ADD COLUMN "setAsideNote" TEXT,
  -- The sentence a pronoun-led claim leans on ("They also attacked…" needs who "they" are).
  ADD COLUMN "context" TEXT,
  ADD COLUMN "origin" "ClaimOrigin" NOT NULL DEFAULT 'EXTRACTED',
  ADD COLUMN "mergedIntoId" UUID;
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Claim"("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX "Claim_mergedIntoId_idx" ON "Claim"("mergedIntoId");

-- Every curation change of a claim, append-only like VerdictEvent.
CREATE TABLE "ClaimEdit" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "claimId" UUID NOT NULL,
    "actorId" UUID,
    "action" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "note" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ClaimEdit_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "ClaimEdit_claimId_at_idx" ON "ClaimEdit"("claimId", "at");
CREATE INDEX "ClaimEdit_actorId_at_idx" ON "ClaimEdit"("actorId", "at");
ALTER TABLE "ClaimEdit" ADD CONSTRAINT "ClaimEdit_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ClaimEdit" ADD CONSTRAINT "ClaimEdit_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A claim's history may go only with the claim itself, when an admin removes it: the removing
-- transaction first copies the history into the audit log (which stays strictly append-only), then
-- sets triangulate.purge for itself alone. Updates stay refused in every case.
CREATE FUNCTION "refuse_history_change_unless_purge"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('triangulate.purge', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
DROP TRIGGER "VerdictEvent_append_only" ON "VerdictEvent";
CREATE TRIGGER "VerdictEvent_append_only" BEFORE UPDATE OR DELETE ON "VerdictEvent"
  FOR EACH ROW EXECUTE FUNCTION "refuse_history_change_unless_purge"();
CREATE TRIGGER "ClaimEdit_append_only" BEFORE UPDATE OR DELETE ON "ClaimEdit"
  FOR EACH ROW EXECUTE FUNCTION "refuse_history_change_unless_purge"();
CREATE TRIGGER "ClaimEdit_no_truncate" BEFORE TRUNCATE ON "ClaimEdit"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_history_change"();
