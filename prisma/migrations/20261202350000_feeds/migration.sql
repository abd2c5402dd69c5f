-- Feed monitoring (docs/decisions/025): admins add RSS or Atom feeds per outlet; a scheduled job
-- polls each feed at its own interval and imports new items by URL.

CREATE TYPE "FeedStatus" AS ENUM ('NEW', 'OK', 'ERROR');
CREATE TYPE "FeedItemState" AS ENUM ('IMPORTED', 'DUPLICATE', 'FAILED');

CREATE TABLE "Feed" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "outletId" UUID NOT NULL,
    "url" TEXT NOT NULL,
    "title" TEXT,
    "intervalMinutes" INTEGER NOT NULL DEFAULT 60,
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "status" "FeedStatus" NOT NULL DEFAULT 'NEW',
    "lastError" TEXT,
    -- Failures in a row: the next poll backs off with them, and a success resets them.
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lastHttpStatus" INTEGER,
    -- The validators of the last full answer, sent back as If-None-Match / If-Modified-Since.
    "etag" TEXT,
    "lastModified" TEXT,
    "lastPolledAt" TIMESTAMPTZ(3),
    "lastNewItemAt" TIMESTAMPTZ(3),
    "nextPollAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    -- A lease: set while a node polls the feed, so no other node polls it at the same time.
    "pollingSince" TIMESTAMPTZ(3),
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Feed_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Feed_interval_check" CHECK ("intervalMinutes" BETWEEN 5 AND 10080)
);
CREATE UNIQUE INDEX "Feed_url_key" ON "Feed"("url");
CREATE INDEX "Feed_outletId_idx" ON "Feed"("outletId");
CREATE INDEX "Feed_paused_nextPollAt_idx" ON "Feed"("paused", "nextPollAt");
ALTER TABLE "Feed" ADD CONSTRAINT "Feed_outletId_fkey" FOREIGN KEY ("outletId") REFERENCES "Outlet"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Feed" ADD CONSTRAINT "Feed_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Every item a feed has listed, by its normalized URL: an item seen once is never imported again,
-- whatever the feed answers later. A failed import is tried again on later polls, a few times.
CREATE TABLE "FeedItem" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "feedId" UUID NOT NULL,
    "url" TEXT NOT NULL,
    "guid" TEXT,
    "title" TEXT,
    "publishedAt" TIMESTAMPTZ(3),
    "state" "FeedItemState" NOT NULL,
    -- The imported article's content hash: a second URL with the same text is a duplicate of it.
    "contentHash" TEXT,
    "articleId" UUID,
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "firstSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "FeedItem_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "FeedItem_feedId_url_key" ON "FeedItem"("feedId", "url");
CREATE INDEX "FeedItem_feedId_firstSeenAt_idx" ON "FeedItem"("feedId", "firstSeenAt");
CREATE INDEX "FeedItem_articleId_idx" ON "FeedItem"("articleId");
CREATE INDEX "FeedItem_contentHash_idx" ON "FeedItem"("contentHash");
ALTER TABLE "FeedItem" ADD CONSTRAINT "FeedItem_feedId_fkey" FOREIGN KEY ("feedId") REFERENCES "Feed"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "FeedItem" ADD CONSTRAINT "FeedItem_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE SET NULL ON UPDATE CASCADE;
