-- Cross-source matching: indexed candidate retrieval over claim text, and the stored suggested verdict.
CREATE TYPE "SuggestedVerdict" AS ENUM ('CORROBORATED', 'SINGLE_SOURCED', 'CONTRADICTED');

ALTER TABLE "Claim" ADD COLUMN "suggestedVerdict" "SuggestedVerdict" NOT NULL DEFAULT 'SINGLE_SOURCED';

-- unaccent() is only STABLE because it finds its dictionary through search_path; naming the
-- dictionary makes the result fixed, so it may feed a generated column ("Goïta" finds "Goita").
CREATE FUNCTION immutable_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

-- Stored, so ranking reads the vector instead of re-parsing every candidate sentence.
ALTER TABLE "Claim" ADD COLUMN "search" tsvector
  GENERATED ALWAYS AS (to_tsvector('english'::regconfig, immutable_unaccent("text"))) STORED;

CREATE INDEX "Claim_search_idx" ON "Claim" USING GIN ("search");
CREATE INDEX "Claim_text_idx" ON "Claim" USING GIN ("text" gin_trgm_ops);
