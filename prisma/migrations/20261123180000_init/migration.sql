-- Initial data model, written by hand to match prisma/schema.prisma (see docs/decisions/002).
CREATE EXTENSION IF NOT EXISTS citext;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TYPE "Role" AS ENUM ('ADMIN', 'REVIEWER');
CREATE TYPE "ClaimStatus" AS ENUM ('UNREVIEWED', 'CORROBORATED', 'SINGLE_SOURCED', 'CONTRADICTED');
CREATE TYPE "ClaimKind" AS ENUM ('STATISTIC', 'QUOTE', 'ATTRIBUTION', 'EVENT', 'OTHER');
CREATE TYPE "LinkRelation" AS ENUM ('SUPPORTS', 'CONTRADICTS');
CREATE TYPE "LinkOrigin" AS ENUM ('SUGGESTED', 'REVIEWER');
CREATE TYPE "LinkState" AS ENUM ('SUGGESTED', 'CONFIRMED', 'REJECTED');
CREATE TYPE "MatchingState" AS ENUM ('PENDING', 'DONE', 'FAILED');

CREATE TABLE "User" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" CITEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'REVIEWER',
    "passwordHash" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sessionsValidAfter" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ApiToken" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL DEFAULT '',
    "prefix" TEXT NOT NULL,
    "secretHash" TEXT NOT NULL,
    "ownerId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Outlet" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "domain" TEXT,
    "originGroup" TEXT,
    "notes" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Outlet_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Story" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Story_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Article" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "outletId" UUID NOT NULL,
    "storyId" UUID,
    "title" TEXT,
    "url" TEXT,
    "publishedAt" TIMESTAMPTZ(3),
    "rawText" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "language" TEXT NOT NULL DEFAULT 'en',
    "wireCredit" TEXT,
    "importedById" UUID,
    "matching" "MatchingState" NOT NULL DEFAULT 'PENDING',
    "matchingError" TEXT,
    "matchedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Article_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Claim" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "articleId" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "prefix" TEXT NOT NULL DEFAULT '',
    "suffix" TEXT NOT NULL DEFAULT '',
    "kind" "ClaimKind" NOT NULL DEFAULT 'OTHER',
    "checkworthiness" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "attribution" TEXT,
    "status" "ClaimStatus" NOT NULL DEFAULT 'UNREVIEWED',
    "version" INTEGER NOT NULL DEFAULT 1,
    "assigneeId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Claim_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ClaimLink" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "fromClaimId" UUID NOT NULL,
    "toClaimId" UUID NOT NULL,
    "relation" "LinkRelation" NOT NULL,
    "origin" "LinkOrigin" NOT NULL DEFAULT 'SUGGESTED',
    "state" "LinkState" NOT NULL DEFAULT 'SUGGESTED',
    "score" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "reasons" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "independent" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ClaimLink_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "VerdictEvent" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "claimId" UUID NOT NULL,
    "actorId" UUID,
    "verdict" "ClaimStatus" NOT NULL,
    "previous" "ClaimStatus" NOT NULL,
    "rationale" TEXT,
    "linkedClaimIds" UUID[],
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "VerdictEvent_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "actorId" UUID,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT,
    "data" JSONB,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "LoginAttempt" (
    "id" BIGSERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LoginAttempt_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE UNIQUE INDEX "ApiToken_prefix_key" ON "ApiToken"("prefix");
CREATE UNIQUE INDEX "ApiToken_secretHash_key" ON "ApiToken"("secretHash");
CREATE INDEX "ApiToken_ownerId_idx" ON "ApiToken"("ownerId");
CREATE UNIQUE INDEX "Outlet_name_key" ON "Outlet"("name");
CREATE INDEX "Outlet_originGroup_idx" ON "Outlet"("originGroup");
CREATE UNIQUE INDEX "Article_contentHash_key" ON "Article"("contentHash");
CREATE INDEX "Article_outletId_idx" ON "Article"("outletId");
CREATE INDEX "Article_storyId_idx" ON "Article"("storyId");
CREATE INDEX "Article_importedById_idx" ON "Article"("importedById");
CREATE INDEX "Article_matching_idx" ON "Article"("matching");
CREATE INDEX "Article_createdAt_idx" ON "Article"("createdAt");
CREATE UNIQUE INDEX "Claim_articleId_start_end_key" ON "Claim"("articleId", "start", "end");
CREATE INDEX "Claim_articleId_idx" ON "Claim"("articleId");
CREATE INDEX "Claim_assigneeId_idx" ON "Claim"("assigneeId");
CREATE INDEX "Claim_status_checkworthiness_idx" ON "Claim"("status", "checkworthiness" DESC);
CREATE INDEX "Claim_checkworthiness_idx" ON "Claim"("checkworthiness" DESC);
CREATE UNIQUE INDEX "ClaimLink_fromClaimId_toClaimId_key" ON "ClaimLink"("fromClaimId", "toClaimId");
CREATE INDEX "ClaimLink_toClaimId_idx" ON "ClaimLink"("toClaimId");
CREATE INDEX "ClaimLink_createdById_idx" ON "ClaimLink"("createdById");
CREATE INDEX "ClaimLink_fromClaimId_state_score_idx" ON "ClaimLink"("fromClaimId", "state", "score" DESC);
CREATE INDEX "VerdictEvent_claimId_at_idx" ON "VerdictEvent"("claimId", "at");
CREATE INDEX "VerdictEvent_actorId_at_idx" ON "VerdictEvent"("actorId", "at");
CREATE INDEX "AuditLog_actorId_at_idx" ON "AuditLog"("actorId", "at");
CREATE INDEX "AuditLog_action_at_idx" ON "AuditLog"("action", "at");
CREATE INDEX "AuditLog_entity_entityId_idx" ON "AuditLog"("entity", "entityId");
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at");
CREATE INDEX "LoginAttempt_email_at_idx" ON "LoginAttempt"("email", "at");
CREATE INDEX "LoginAttempt_ip_at_idx" ON "LoginAttempt"("ip", "at");

ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Article" ADD CONSTRAINT "Article_outletId_fkey" FOREIGN KEY ("outletId") REFERENCES "Outlet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Article" ADD CONSTRAINT "Article_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Article" ADD CONSTRAINT "Article_importedById_fkey" FOREIGN KEY ("importedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "ClaimLink" ADD CONSTRAINT "ClaimLink_fromClaimId_fkey" FOREIGN KEY ("fromClaimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ClaimLink" ADD CONSTRAINT "ClaimLink_toClaimId_fkey" FOREIGN KEY ("toClaimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ClaimLink" ADD CONSTRAINT "ClaimLink_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "VerdictEvent" ADD CONSTRAINT "VerdictEvent_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "VerdictEvent" ADD CONSTRAINT "VerdictEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- History is evidence: once written, a row may never change or disappear.
CREATE FUNCTION "refuse_history_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "VerdictEvent_append_only" BEFORE UPDATE OR DELETE ON "VerdictEvent"
  FOR EACH ROW EXECUTE FUNCTION "refuse_history_change"();
CREATE TRIGGER "AuditLog_append_only" BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION "refuse_history_change"();
CREATE TRIGGER "VerdictEvent_no_truncate" BEFORE TRUNCATE ON "VerdictEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_history_change"();
CREATE TRIGGER "AuditLog_no_truncate" BEFORE TRUNCATE ON "AuditLog"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_history_change"();
