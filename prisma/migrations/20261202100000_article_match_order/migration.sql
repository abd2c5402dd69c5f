-- Matching orders articles by "seq", the order their imports committed, instead of the time each
-- was first matched (docs/decisions/018). The later of two articles owns their pair, whichever of
-- the two is matched first, so workers may match articles in any order and in parallel.
CREATE SEQUENCE "Article_seq_seq" AS integer;
ALTER TABLE "Article" ADD COLUMN "seq" integer;
-- Articles already on the desk keep the order they were matched in, so the pairs each owns stay its own.
UPDATE "Article" a SET "seq" = o.n
FROM (SELECT id, row_number() OVER (ORDER BY "matchedAt" NULLS LAST, "createdAt", id) AS n FROM "Article") o
WHERE a.id = o.id;
SELECT setval('"Article_seq_seq"', coalesce((SELECT max("seq") FROM "Article"), 0) + 1, false);
ALTER TABLE "Article" ALTER COLUMN "seq" SET DEFAULT nextval('"Article_seq_seq"'), ALTER COLUMN "seq" SET NOT NULL;
ALTER SEQUENCE "Article_seq_seq" OWNED BY "Article"."seq";
CREATE UNIQUE INDEX "Article_seq_key" ON "Article"("seq");

-- A number is taken under a lock held until the inserting transaction ends, so articles become
-- visible in the order of their numbers: whoever sees article n sees every article before it. A
-- match job that reads the articles before its own therefore never misses one still being imported
-- (the phantom two parallel jobs would otherwise each miss in the other). Only the end of an import
-- (article row to commit) is serialized; matching is not.
CREATE FUNCTION "article_import_order"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(7270736902);
  NEW."seq" := nextval('"Article_seq_seq"');
  RETURN NEW;
END $$;
CREATE TRIGGER "article_import_order" BEFORE INSERT ON "Article" FOR EACH ROW EXECUTE FUNCTION "article_import_order"();
