-- AlterTable
ALTER TABLE "CustomEvent" ADD COLUMN     "fields" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "number" INTEGER NOT NULL;

-- AlterTable
ALTER TABLE "Scenario" ADD COLUMN     "reentry" TEXT NOT NULL DEFAULT 'everyTime';

-- AlterTable
ALTER TABLE "ScenarioRun" ADD COLUMN     "activeKey" TEXT,
ADD COLUMN     "depth" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Job" ADD COLUMN     "lockToken" TEXT,
ADD COLUMN     "lockedUntil" TIMESTAMP(3),
ADD COLUMN     "takeovers" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "ScenarioRunStep" (
    "id" BIGSERIAL NOT NULL,
    "runId" BIGINT NOT NULL,
    "stepId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "detail" JSONB,
    "error" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ScenarioRunStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScenarioFanOut" (
    "id" BIGSERIAL NOT NULL,
    "tenantId" INTEGER NOT NULL,
    "customEventId" INTEGER NOT NULL,
    "segmentIds" JSONB NOT NULL,
    "dataFields" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "cursor" INTEGER NOT NULL DEFAULT 0,
    "customers" INTEGER NOT NULL DEFAULT 0,
    "runs" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ScenarioFanOut_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ScenarioRunStep_runId_stepId_key" ON "ScenarioRunStep"("runId", "stepId");

-- CreateIndex
CREATE INDEX "ScenarioFanOut_tenantId_createdAt_idx" ON "ScenarioFanOut"("tenantId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "CustomEvent_tenantId_number_key" ON "CustomEvent"("tenantId", "number");

-- CreateIndex
CREATE INDEX "ScenarioRun_scenarioId_startedAt_idx" ON "ScenarioRun"("scenarioId", "startedAt");

-- CreateIndex
CREATE INDEX "ScenarioRun_status_finishedAt_idx" ON "ScenarioRun"("status", "finishedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ScenarioRun_scenarioId_activeKey_key" ON "ScenarioRun"("scenarioId", "activeKey");

-- CreateIndex
CREATE INDEX "Job_status_lockedUntil_idx" ON "Job"("status", "lockedUntil");

-- AddForeignKey
ALTER TABLE "ScenarioRunStep" ADD CONSTRAINT "ScenarioRunStep_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ScenarioRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScenarioFanOut" ADD CONSTRAINT "ScenarioFanOut_customEventId_fkey" FOREIGN KEY ("customEventId") REFERENCES "CustomEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

