-- AlterTable
ALTER TABLE "OAuthAuthorizationCode" ALTER COLUMN "projectId" DROP NOT NULL,
ALTER COLUMN "environment" DROP NOT NULL;

-- AlterTable
ALTER TABLE "OAuthGrant" ALTER COLUMN "projectId" DROP NOT NULL,
ALTER COLUMN "environment" DROP NOT NULL;
