-- DropIndex
DROP INDEX "Customer_tenantId_deletedAt_score_idx";

-- DropIndex
DROP INDEX "Customer_tenantId_deletedAt_updatedAt_idx";

