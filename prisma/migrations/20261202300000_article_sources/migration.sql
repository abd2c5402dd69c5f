-- Sources that move (docs/decisions/022, 023): articles imported by URL keep the raw page as an
-- immutable snapshot; a re-fetch that returns changed text adds a version of the same article, and
-- claims are re-anchored on it.

-- The address the desk fetched the article from (and re-fetches), when it came in by URL.
ALTER TABLE "Article" ADD COLUMN "fetchUrl" TEXT;
ALTER TABLE "Article" ADD COLUMN "currentVersion" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "Article" ADD COLUMN "lastFetchedAt" TIMESTAMPTZ(3);
ALTER TABLE "Article" ADD COLUMN "fetchError" TEXT;
CREATE INDEX "Article_fetchUrl_idx" ON "Article"("fetchUrl");
CREATE INDEX "Article_url_idx" ON "Article"("url");

-- One text of an article. Version 1 is the text as imported; claims' offsets index the version
-- named by Claim.anchoredVersion.
CREATE TABLE "ArticleVersion" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "articleId" UUID NOT NULL,
  "number" INTEGER NOT NULL,
  "text" TEXT NOT NULL,
  "contentHash" TEXT NOT NULL,
  "snapshotId" UUID,
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "ArticleVersion_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ArticleVersion_articleId_number_key" ON "ArticleVersion"("articleId", "number");
ALTER TABLE "ArticleVersion" ADD CONSTRAINT "ArticleVersion_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The raw HTML exactly as fetched, with how it was fetched. Never rendered into a page's DOM.
CREATE TABLE "ArticleSnapshot" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "articleId" UUID NOT NULL,
  "requestedUrl" TEXT NOT NULL,
  "finalUrl" TEXT NOT NULL,
  "status" INTEGER NOT NULL,
  "contentType" TEXT,
  "etag" TEXT,
  "lastModified" TEXT,
  "contentHash" TEXT NOT NULL,
  "html" TEXT NOT NULL,
  "bytes" INTEGER NOT NULL,
  "fetchedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "ArticleSnapshot_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "ArticleSnapshot_articleId_fetchedAt_idx" ON "ArticleSnapshot"("articleId", "fetchedAt");
CREATE INDEX "ArticleSnapshot_contentHash_idx" ON "ArticleSnapshot"("contentHash");
ALTER TABLE "ArticleSnapshot" ADD CONSTRAINT "ArticleSnapshot_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ArticleVersion" ADD CONSTRAINT "ArticleVersion_snapshotId_fkey" FOREIGN KEY ("snapshotId") REFERENCES "ArticleSnapshot"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Snapshots and versions are immutable: rows go only with their article.
CREATE FUNCTION "refuse_source_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- The ON DELETE SET NULL of a version's snapshot runs only while its article is deleted.
  IF TG_TABLE_NAME = 'ArticleVersion' AND NEW."snapshotId" IS NULL AND OLD."snapshotId" IS NOT NULL
     AND NEW."text" = OLD."text" AND NEW."number" = OLD."number" THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '% is immutable: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER "ArticleSnapshot_immutable" BEFORE UPDATE ON "ArticleSnapshot" FOR EACH ROW EXECUTE FUNCTION "refuse_source_update"();
CREATE TRIGGER "ArticleVersion_immutable" BEFORE UPDATE ON "ArticleVersion" FOR EACH ROW EXECUTE FUNCTION "refuse_source_update"();

-- Re-anchoring: the version a claim's text and offsets come from, and the flag raised when a new
-- version changed or lost the claim's words.
ALTER TABLE "Claim" ADD COLUMN "anchoredVersion" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "Claim" ADD COLUMN "sourceChanged" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Claim" ADD COLUMN "sourceChange" JSONB;
CREATE INDEX "Claim_sourceChanged_idx" ON "Claim"("sourceChanged");

ALTER TYPE "HistoryKind" ADD VALUE 'SOURCE_CHANGED';
