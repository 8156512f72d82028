-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "locale" TEXT NOT NULL DEFAULT 'zh-CN';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "locale" TEXT;

