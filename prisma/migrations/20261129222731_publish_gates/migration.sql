-- AlterTable
ALTER TABLE "PublishHistory" ADD COLUMN     "gateOverrideReason" TEXT,
ADD COLUMN     "testRunId" TEXT;
