-- CreateIndex
CREATE INDEX "Customer_tenantId_deletedAt_name_idx" ON "Customer"("tenantId", "deletedAt", "name");

-- CreateIndex
CREATE INDEX "Customer_tenantId_deletedAt_score_idx" ON "Customer"("tenantId", "deletedAt", "score");

-- CreateIndex
CREATE INDEX "Customer_tenantId_deletedAt_updatedAt_idx" ON "Customer"("tenantId", "deletedAt", "updatedAt");

