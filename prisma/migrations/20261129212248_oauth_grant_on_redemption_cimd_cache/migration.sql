-- AlterTable
ALTER TABLE "OAuthAuthorizationCode" ADD COLUMN     "consentIp" TEXT,
ADD COLUMN     "consentUserAgent" TEXT;

-- AlterTable
ALTER TABLE "OAuthClient" ADD COLUMN     "metadataMaxAgeSeconds" INTEGER;
