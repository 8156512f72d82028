-- Hand-edited like 20261130072132: Prisma writes a BigInt id as "BIGINT PRIMARY KEY", which does
-- not autoincrement on SQLite; INTEGER PRIMARY KEY AUTOINCREMENT is the same 64-bit rowid.
-- CreateTable
CREATE TABLE "ScenarioRunStep" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "runId" BIGINT NOT NULL,
    "stepId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "detail" JSONB,
    "error" TEXT,
    "startedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    CONSTRAINT "ScenarioRunStep_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ScenarioRun" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ScenarioFanOut" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "tenantId" INTEGER NOT NULL,
    "customEventId" INTEGER NOT NULL,
    "segmentIds" JSONB NOT NULL,
    "dataFields" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "cursor" INTEGER NOT NULL DEFAULT 0,
    "customers" INTEGER NOT NULL DEFAULT 0,
    "runs" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    CONSTRAINT "ScenarioFanOut_customEventId_fkey" FOREIGN KEY ("customEventId") REFERENCES "CustomEvent" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_CustomEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "tenantId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "fields" JSONB NOT NULL DEFAULT [],
    "archivedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CustomEvent_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_CustomEvent" ("archivedAt", "createdAt", "description", "id", "name", "tenantId") SELECT "archivedAt", "createdAt", "description", "id", "name", "tenantId" FROM "CustomEvent";
DROP TABLE "CustomEvent";
ALTER TABLE "new_CustomEvent" RENAME TO "CustomEvent";
CREATE UNIQUE INDEX "CustomEvent_tenantId_number_key" ON "CustomEvent"("tenantId", "number");
CREATE UNIQUE INDEX "CustomEvent_tenantId_name_key" ON "CustomEvent"("tenantId", "name");
CREATE TABLE "new_Scenario" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "tenantId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "triggerKind" TEXT NOT NULL,
    "customEventId" INTEGER,
    "eventTypeId" INTEGER,
    "reentry" TEXT NOT NULL DEFAULT 'everyTime',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Scenario_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Scenario_customEventId_fkey" FOREIGN KEY ("customEventId") REFERENCES "CustomEvent" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Scenario_eventTypeId_fkey" FOREIGN KEY ("eventTypeId") REFERENCES "EventType" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Scenario" ("createdAt", "customEventId", "eventTypeId", "id", "name", "status", "tenantId", "triggerKind", "updatedAt") SELECT "createdAt", "customEventId", "eventTypeId", "id", "name", "status", "tenantId", "triggerKind", "updatedAt" FROM "Scenario";
DROP TABLE "Scenario";
ALTER TABLE "new_Scenario" RENAME TO "Scenario";
CREATE INDEX "Scenario_tenantId_status_idx" ON "Scenario"("tenantId", "status");
CREATE INDEX "Scenario_customEventId_idx" ON "Scenario"("customEventId");
CREATE INDEX "Scenario_eventTypeId_idx" ON "Scenario"("eventTypeId");
CREATE TABLE "new_ScenarioRun" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "tenantId" INTEGER NOT NULL,
    "scenarioId" INTEGER NOT NULL,
    "versionId" INTEGER NOT NULL,
    "customerId" INTEGER NOT NULL,
    "triggerKey" TEXT NOT NULL,
    "activeKey" TEXT,
    "depth" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "stepId" TEXT,
    "context" JSONB,
    "error" TEXT,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    CONSTRAINT "ScenarioRun_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ScenarioRun_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ScenarioVersion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ScenarioRun_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ScenarioRun" ("context", "customerId", "error", "finishedAt", "id", "scenarioId", "startedAt", "status", "stepId", "tenantId", "triggerKey", "versionId") SELECT "context", "customerId", "error", "finishedAt", "id", "scenarioId", "startedAt", "status", "stepId", "tenantId", "triggerKey", "versionId" FROM "ScenarioRun";
DROP TABLE "ScenarioRun";
ALTER TABLE "new_ScenarioRun" RENAME TO "ScenarioRun";
CREATE INDEX "ScenarioRun_scenarioId_startedAt_idx" ON "ScenarioRun"("scenarioId", "startedAt");
CREATE INDEX "ScenarioRun_status_finishedAt_idx" ON "ScenarioRun"("status", "finishedAt");
CREATE INDEX "ScenarioRun_tenantId_scenarioId_status_idx" ON "ScenarioRun"("tenantId", "scenarioId", "status");
CREATE INDEX "ScenarioRun_customerId_status_idx" ON "ScenarioRun"("customerId", "status");
CREATE INDEX "ScenarioRun_versionId_idx" ON "ScenarioRun"("versionId");
CREATE UNIQUE INDEX "ScenarioRun_scenarioId_triggerKey_key" ON "ScenarioRun"("scenarioId", "triggerKey");
CREATE UNIQUE INDEX "ScenarioRun_scenarioId_activeKey_key" ON "ScenarioRun"("scenarioId", "activeKey");
CREATE TABLE "new_Job" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "tenantId" INTEGER,
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "key" TEXT,
    "liveKey" TEXT,
    "runAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 5,
    "lockedBy" TEXT,
    "lockToken" TEXT,
    "lockedAt" DATETIME,
    "lockedUntil" DATETIME,
    "takeovers" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Job" ("attempts", "createdAt", "id", "key", "kind", "lastError", "liveKey", "lockedAt", "lockedBy", "maxAttempts", "payload", "runAt", "status", "tenantId", "updatedAt") SELECT "attempts", "createdAt", "id", "key", "kind", "lastError", "liveKey", "lockedAt", "lockedBy", "maxAttempts", "payload", "runAt", "status", "tenantId", "updatedAt" FROM "Job";
DROP TABLE "Job";
ALTER TABLE "new_Job" RENAME TO "Job";
CREATE UNIQUE INDEX "Job_liveKey_key" ON "Job"("liveKey");
CREATE INDEX "Job_status_runAt_idx" ON "Job"("status", "runAt");
CREATE INDEX "Job_status_lockedUntil_idx" ON "Job"("status", "lockedUntil");
CREATE INDEX "Job_key_idx" ON "Job"("key");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "ScenarioRunStep_runId_stepId_key" ON "ScenarioRunStep"("runId", "stepId");

-- CreateIndex
CREATE INDEX "ScenarioFanOut_tenantId_createdAt_idx" ON "ScenarioFanOut"("tenantId", "createdAt");

