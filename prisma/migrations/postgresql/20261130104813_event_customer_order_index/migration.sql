-- DropIndex
DROP INDEX "CustomerEvent_tenantId_customerId_happenTime_idx";

-- CreateIndex
CREATE INDEX "CustomerEvent_tenantId_customerId_happenTime_id_idx" ON "CustomerEvent"("tenantId", "customerId", "happenTime", "id");

