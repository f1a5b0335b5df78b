-- CreateEnum
CREATE TYPE "ComponentKind" AS ENUM ('HTML', 'TSX');

-- AlterTable
ALTER TABLE "Component" ADD COLUMN     "description" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "kind" "ComponentKind" NOT NULL DEFAULT 'HTML',
ADD COLUMN     "prefersBorder" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "source" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "title" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Tool" ADD COLUMN     "visibility" TEXT[] DEFAULT ARRAY['model', 'app']::TEXT[];
