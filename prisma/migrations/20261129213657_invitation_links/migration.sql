-- AlterTable
ALTER TABLE "Invitation" ADD COLUMN     "linkCiphertext" TEXT;
