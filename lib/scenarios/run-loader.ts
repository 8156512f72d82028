import { db } from "@/lib/db/client";
import { intLiteral } from "@/lib/db/sql";
import { Loader } from "@/lib/jobs/batch";

/**
 * A run as the step handler reads it, with its scenario's name and status and its version's
 * document. Runs asked for in the same turn of the event loop (a worker starting the jobs it just
 * claimed) are read together: one statement for the runs, one for the documents of versions not
 * read before (a version's document does not change once it has runs).
 */

export interface RunRow {
  id: number;
  tenantId: number;
  scenarioId: number;
  scenarioName: string;
  scenarioStatus: string;
  versionId: number;
  customerId: number;
  status: string;
  stepId: string | null;
  depth: number;
  context: Record<string, unknown>;
  document: unknown;
}

interface Raw {
  id: number | bigint;
  tenantId: number | bigint;
  scenarioId: number | bigint;
  versionId: number | bigint;
  customerId: number | bigint;
  status: string;
  stepId: string | null;
  depth: number | bigint;
  context: unknown;
  scenarioName: string;
  scenarioStatus: string;
}

const documents = new Map<number, unknown>();
const json = (v: unknown) => (typeof v === "string" ? JSON.parse(v) : v);

const runs = new Loader<number, RunRow>(async (ids) => {
  const rows = await db.$queryRawUnsafe<Raw[]>(
    `SELECT r."id", r."tenantId", r."scenarioId", r."versionId", r."customerId", r."status", r."stepId", r."depth", r."context",
            s."name" AS "scenarioName", s."status" AS "scenarioStatus"
     FROM "ScenarioRun" r JOIN "Scenario" s ON s."id" = r."scenarioId"
     WHERE r."id" IN (${ids.map(intLiteral).join(", ")})`,
  );
  if (documents.size > 1000) documents.clear();
  const missing = [...new Set(rows.map((r) => Number(r.versionId)).filter((v) => !documents.has(v)))];
  if (missing.length) {
    const versions = await db.$queryRawUnsafe<{ id: number | bigint; document: unknown }[]>(
      `SELECT "id", "document" FROM "ScenarioVersion" WHERE "id" IN (${missing.map(intLiteral).join(", ")})`,
    );
    for (const v of versions) documents.set(Number(v.id), json(v.document));
  }
  return new Map(
    rows.map((r) => [
      Number(r.id),
      {
        id: Number(r.id),
        tenantId: Number(r.tenantId),
        scenarioId: Number(r.scenarioId),
        scenarioName: r.scenarioName,
        scenarioStatus: r.scenarioStatus,
        versionId: Number(r.versionId),
        customerId: Number(r.customerId),
        status: r.status,
        stepId: r.stepId,
        depth: Number(r.depth),
        context: (json(r.context) ?? {}) as Record<string, unknown>,
        document: documents.get(Number(r.versionId)),
      },
    ]),
  );
});

/** The run, or null when it no longer exists. */
export async function loadRun(runId: number): Promise<RunRow | null> {
  return (await runs.load(runId)) ?? null;
}
