-- Hand-edited: Prisma redefines the table and writes its BigInt id as "BIGINT PRIMARY KEY", which
-- does not autoincrement on SQLite (docs/database.md); adding the two columns is all that changes.
-- AlterTable
ALTER TABLE "ScenarioFanOut" ADD COLUMN "chunks" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "ScenarioFanOut" ADD COLUMN "chunksDone" INTEGER NOT NULL DEFAULT 0;
