-- History says what it is in columns, never in its text (docs/decisions/026). A link change was
-- recorded as kind LINK with its change spelled in the rationale ("Link change: linked as
-- supporting"), and approvals and unpublishing carried a fixed sentence; readers parsed the text.
CREATE TYPE "LinkChange" AS ENUM ('LINKED_SUPPORTS', 'LINKED_CONTRADICTS', 'DISMISSED', 'UNLINKED');
ALTER TABLE "VerdictEvent" ADD COLUMN "linkChange" "LinkChange";

-- Converting the existing rows to the new columns is not rewriting history: the same facts move
-- from text to a column. The append-only trigger is lifted for these statements only, inside the
-- migration's transaction.
ALTER TABLE "VerdictEvent" DISABLE TRIGGER "VerdictEvent_append_only";
UPDATE "VerdictEvent" SET "linkChange" = (CASE
    WHEN "rationale" LIKE '%contradicting%' THEN 'LINKED_CONTRADICTS'
    WHEN "rationale" LIKE '%supporting%' THEN 'LINKED_SUPPORTS'
    WHEN "rationale" LIKE '%dismissed%' THEN 'DISMISSED'
    ELSE 'UNLINKED' END)::"LinkChange"
  WHERE "kind" = 'LINK';
-- The generated sentences go; a person's words (a verdict's rationale, a flag's reason) stay.
UPDATE "VerdictEvent" SET "rationale" = NULL
  WHERE ("kind" = 'LINK' AND "rationale" IN ('Link change: linked as supporting', 'Link change: linked as contradicting', 'Link change: dismissed suggestion', 'Link change: unlinked'))
     OR ("kind" = 'APPROVAL' AND "rationale" = 'Approved for publication')
     OR ("kind" = 'UNPUBLISH' AND "rationale" = 'Unpublished');
ALTER TABLE "VerdictEvent" ENABLE TRIGGER "VerdictEvent_append_only";

-- Every writer names the kind; a link change always says which.
ALTER TABLE "VerdictEvent" ALTER COLUMN "kind" DROP DEFAULT;
ALTER TABLE "VerdictEvent" ADD CONSTRAINT "VerdictEvent_link_change_check" CHECK (("kind" = 'LINK') = ("linkChange" IS NOT NULL));

-- The curation history's kind of change is a closed set too (a type, not free text).
CREATE TYPE "CurationAction" AS ENUM ('add', 'span', 'split', 'split_from', 'merge', 'merge_into', 'set_aside', 'restore');
ALTER TABLE "ClaimEdit" ALTER COLUMN "action" TYPE "CurationAction" USING "action"::"CurationAction";
