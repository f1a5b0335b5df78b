-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "draftRevision" INTEGER NOT NULL DEFAULT 0;
