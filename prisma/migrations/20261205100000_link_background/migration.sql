-- A suggested support between reports of different events (a July sinking's report against the
-- March one it recalls) is at most background both reports share. It is kept and shown, but it no
-- longer corroborates a claim until a reviewer confirms it (decision 038). A constant default adds
-- the column without rewriting the table.
ALTER TABLE "ClaimLink" ADD COLUMN "background" BOOLEAN NOT NULL DEFAULT false;
