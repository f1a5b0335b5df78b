-- Test cases of prompts and resource templates (lib/test-cases): a case belongs to a tool, a
-- prompt or a resource. Existing cases keep their toolId.

-- AlterTable
ALTER TABLE "TestCase" ADD COLUMN     "promptId" TEXT,
ADD COLUMN     "resourceId" TEXT,
ALTER COLUMN "toolId" DROP NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "TestCase_promptId_name_key" ON "TestCase"("promptId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "TestCase_resourceId_name_key" ON "TestCase"("resourceId", "name");

-- AddForeignKey
ALTER TABLE "TestCase" ADD CONSTRAINT "TestCase_promptId_fkey" FOREIGN KEY ("promptId") REFERENCES "Prompt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TestCase" ADD CONSTRAINT "TestCase_resourceId_fkey" FOREIGN KEY ("resourceId") REFERENCES "McpResource"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Exactly one target per case (outside Prisma's schema language).
ALTER TABLE "TestCase" ADD CONSTRAINT "TestCase_one_target" CHECK (num_nonnulls("toolId", "promptId", "resourceId") = 1);
