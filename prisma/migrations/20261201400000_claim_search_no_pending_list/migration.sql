-- Every candidate search reads the whole GIN pending list, and matching keeps adding to it: each
-- claim whose suggested verdict changes gets a new row version, and when its page is full the update
-- is not HOT, so every index, this one included, gains an entry. Entries go straight into the index
-- instead (a slower insert at import, once per claim), and the pending list is emptied now.
ALTER INDEX "Claim_search_idx" SET (fastupdate = off);
SELECT gin_clean_pending_list('"Claim_search_idx"'::regclass);
-- Room on each page, so that rewriting a claim's suggested verdict stays a HOT update that touches no index.
ALTER TABLE "Claim" SET (fillfactor = 90);
