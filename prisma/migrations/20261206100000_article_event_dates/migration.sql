-- The dates an article's text names, as matching reads them (articleEventDates), stored with the
-- text and publication date they were read from (decision 045). Reading them with chrono costs
-- about a millisecond an article, and every worker process read each candidate article again;
-- now the first reader stores them and the others check the key and reuse them. NULL until then.
ALTER TABLE "Article" ADD COLUMN "eventDates" JSONB;
