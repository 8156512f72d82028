-- Hand-edited after `npm run db:migration` (see docs/database.md):
-- * 64-bit ids: Prisma writes "SET DATA TYPE BIGSERIAL", which PostgreSQL refuses (serial is not a
--   type); the columns become BIGINT in place (the primary key stays) and their sequences BIGINT.
-- * CustomerEventAttribute.tenantId/eventTypeId are backfilled from the event (with the
--   immutability trigger held off for the backfill only).
-- * Every scenario gets version 1 (its old position-based steps, given ids "step-<position>");
--   existing runs point at it with triggerKey "legacy:<run id>".
-- * Live jobs keep their key in liveKey.

-- DropForeignKey
ALTER TABLE "CustomerEventAttribute" DROP CONSTRAINT "CustomerEventAttribute_eventId_fkey";

-- DropForeignKey
ALTER TABLE "ScenarioStep" DROP CONSTRAINT "ScenarioStep_scenarioId_fkey";

-- DropIndex
DROP INDEX "CustomerEventAttribute_attrKey_value_idx";

-- DropIndex
DROP INDEX "ScenarioRun_customerId_idx";

-- DropIndex
DROP INDEX "Job_key_key";

-- AlterTable
ALTER TABLE "CustomFieldValue" ADD COLUMN     "dateValue" TIMESTAMP(3),
ADD COLUMN     "numValue" DOUBLE PRECISION;

-- AlterTable
ALTER TABLE "CustomerEvent" ALTER COLUMN "id" SET DATA TYPE BIGINT;
ALTER SEQUENCE "CustomerEvent_id_seq" AS BIGINT;

-- AlterTable
ALTER TABLE "CustomerEventAttribute" ADD COLUMN "eventTypeId" INTEGER,
ADD COLUMN     "tenantId" INTEGER,
ALTER COLUMN "id" SET DATA TYPE BIGINT,
ALTER COLUMN "eventId" SET DATA TYPE BIGINT;
ALTER SEQUENCE "CustomerEventAttribute_id_seq" AS BIGINT;
ALTER TABLE "CustomerEventAttribute" DISABLE TRIGGER "CustomerEventAttribute_immutable";
UPDATE "CustomerEventAttribute" a SET "tenantId" = e."tenantId", "eventTypeId" = e."eventTypeId"
FROM "CustomerEvent" e WHERE e."id" = a."eventId";
ALTER TABLE "CustomerEventAttribute" ENABLE TRIGGER "CustomerEventAttribute_immutable";
ALTER TABLE "CustomerEventAttribute" ALTER COLUMN "eventTypeId" SET NOT NULL,
ALTER COLUMN "tenantId" SET NOT NULL;

-- AlterTable
ALTER TABLE "Ticket" ALTER COLUMN "id" SET DATA TYPE BIGINT;
ALTER SEQUENCE "Ticket_id_seq" AS BIGINT;

-- AlterTable
ALTER TABLE "FollowUp" ALTER COLUMN "id" SET DATA TYPE BIGINT;
ALTER SEQUENCE "FollowUp_id_seq" AS BIGINT;

-- AlterTable
ALTER TABLE "CallLog" ALTER COLUMN "id" SET DATA TYPE BIGINT;
ALTER SEQUENCE "CallLog_id_seq" AS BIGINT;

-- AlterTable
ALTER TABLE "SmsLog" ALTER COLUMN "id" SET DATA TYPE BIGINT;
ALTER SEQUENCE "SmsLog_id_seq" AS BIGINT;

-- AlterTable
ALTER TABLE "Alternation" ALTER COLUMN "id" SET DATA TYPE BIGINT;
ALTER SEQUENCE "Alternation_id_seq" AS BIGINT;

-- AlterTable
ALTER TABLE "GroupMember" ALTER COLUMN "id" SET DATA TYPE BIGINT;
ALTER SEQUENCE "GroupMember_id_seq" AS BIGINT;

-- CreateTable
CREATE TABLE "ScenarioVersion" (
    "id" SERIAL NOT NULL,
    "scenarioId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "document" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScenarioVersion_pkey" PRIMARY KEY ("id")
);

-- Version 1 of every scenario, from its position-based steps
INSERT INTO "ScenarioVersion" ("scenarioId", "version", "document")
SELECT s."id", 1, jsonb_build_object(
    'name', s."name",
    'status', s."status",
    'steps', COALESCE((SELECT jsonb_agg(jsonb_build_object('id', 'step-' || st."position", 'type', st."kind", 'config', st."config") ORDER BY st."position")
                       FROM "ScenarioStep" st WHERE st."scenarioId" = s."id"), '[]'::jsonb))
FROM "Scenario" s;

-- DropTable
DROP TABLE "ScenarioStep";

-- AlterTable
ALTER TABLE "ScenarioRun" DROP COLUMN "stepIndex",
ADD COLUMN     "stepId" TEXT,
ADD COLUMN     "triggerKey" TEXT,
ADD COLUMN     "versionId" INTEGER,
ALTER COLUMN "id" SET DATA TYPE BIGINT;
ALTER SEQUENCE "ScenarioRun_id_seq" AS BIGINT;
UPDATE "ScenarioRun" r SET "triggerKey" = 'legacy:' || r."id", "versionId" = v."id"
FROM "ScenarioVersion" v WHERE v."scenarioId" = r."scenarioId" AND v."version" = 1;
ALTER TABLE "ScenarioRun" ALTER COLUMN "triggerKey" SET NOT NULL,
ALTER COLUMN "versionId" SET NOT NULL;

-- AlterTable
ALTER TABLE "Job" ADD COLUMN "liveKey" TEXT,
ALTER COLUMN "id" SET DATA TYPE BIGINT;
ALTER SEQUENCE "Job_id_seq" AS BIGINT;
UPDATE "Job" SET "liveKey" = "key" WHERE "status" IN ('pending', 'running');

-- CreateIndex
CREATE UNIQUE INDEX "ScenarioVersion_scenarioId_version_key" ON "ScenarioVersion"("scenarioId", "version");

-- CreateIndex
CREATE INDEX "Customer_tenantId_deletedAt_typeId_idx" ON "Customer"("tenantId", "deletedAt", "typeId");

-- CreateIndex
CREATE INDEX "Customer_tenantId_deletedAt_dealFlagId_idx" ON "Customer"("tenantId", "deletedAt", "dealFlagId");

-- CreateIndex
CREATE INDEX "Customer_tenantId_deletedAt_sourceId_idx" ON "Customer"("tenantId", "deletedAt", "sourceId");

-- CreateIndex
CREATE INDEX "Customer_tenantId_deletedAt_taskId_idx" ON "Customer"("tenantId", "deletedAt", "taskId");

-- CreateIndex
CREATE INDEX "Customer_tenantId_deletedAt_departmentId_idx" ON "Customer"("tenantId", "deletedAt", "departmentId");

-- CreateIndex
CREATE INDEX "CustomerEventAttribute_tenantId_eventTypeId_attrKey_numValu_idx" ON "CustomerEventAttribute"("tenantId", "eventTypeId", "attrKey", "numValue");

-- CreateIndex
CREATE INDEX "CustomerEventAttribute_tenantId_eventTypeId_attrKey_timeVal_idx" ON "CustomerEventAttribute"("tenantId", "eventTypeId", "attrKey", "timeValue");

-- CreateIndex
CREATE INDEX "Group_tenantId_createdAt_idx" ON "Group"("tenantId", "createdAt");

-- CreateIndex
CREATE INDEX "GroupMember_groupId_id_idx" ON "GroupMember"("groupId", "id");

-- CreateIndex
CREATE INDEX "GroupMember_tenantId_customerId_idx" ON "GroupMember"("tenantId", "customerId");

-- CreateIndex
CREATE INDEX "ScenarioRun_customerId_status_idx" ON "ScenarioRun"("customerId", "status");

-- CreateIndex
CREATE INDEX "ScenarioRun_versionId_idx" ON "ScenarioRun"("versionId");

-- CreateIndex
CREATE UNIQUE INDEX "ScenarioRun_scenarioId_triggerKey_key" ON "ScenarioRun"("scenarioId", "triggerKey");

-- CreateIndex
CREATE UNIQUE INDEX "Job_liveKey_key" ON "Job"("liveKey");

-- CreateIndex
CREATE INDEX "Job_key_idx" ON "Job"("key");

-- AddForeignKey
ALTER TABLE "CustomerEventAttribute" ADD CONSTRAINT "CustomerEventAttribute_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "CustomerEvent"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScenarioVersion" ADD CONSTRAINT "ScenarioVersion_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScenarioRun" ADD CONSTRAINT "ScenarioRun_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ScenarioVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

