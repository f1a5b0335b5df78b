-- CreateTable
CREATE TABLE "TestPanelToken" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "resource" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TestPanelToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TestPanelToken_tokenHash_key" ON "TestPanelToken"("tokenHash");

-- CreateIndex
CREATE INDEX "TestPanelToken_userId_projectId_idx" ON "TestPanelToken"("userId", "projectId");

-- AddForeignKey
ALTER TABLE "TestPanelToken" ADD CONSTRAINT "TestPanelToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TestPanelToken" ADD CONSTRAINT "TestPanelToken_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
