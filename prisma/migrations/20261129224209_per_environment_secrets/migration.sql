-- AlterTable
ALTER TABLE "ToolSecret" ADD COLUMN     "draftCiphertext" TEXT,
ALTER COLUMN "ciphertext" DROP NOT NULL;
