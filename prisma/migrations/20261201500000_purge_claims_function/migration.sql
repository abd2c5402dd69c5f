-- History rows (VerdictEvent, ClaimEdit) are append-only, and the app's database role may not
-- delete them (lib/db/roles.ts). Deleting a claim imported by mistake must still remove its history
-- once the mutation has copied it into the audit log (docs/decisions/017): this function, owned by
-- the migrations' owner, deletes the history of the given claims together with the claims
-- themselves, so history can only go with its claim.
CREATE FUNCTION "purge_claims"(ids uuid[]) RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM set_config('triangulate.purge', 'on', true);
  DELETE FROM "VerdictEvent" WHERE "claimId" = ANY(ids);
  DELETE FROM "ClaimEdit" WHERE "claimId" = ANY(ids);
  PERFORM set_config('triangulate.purge', 'off', true);
  DELETE FROM "Claim" WHERE id = ANY(ids);
END $$;
