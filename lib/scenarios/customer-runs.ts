import { db, type DbOrTx } from "@/lib/db/client";
import { RUN_STATUS, UNFINISHED_RUN_STATUSES } from "./constants";

/**
 * The customer page's automation summary: the runs that need an eye or a hand (under way: queued,
 * running, waiting, which may be cancelled; failed, which may be retried), newest first. What each
 * run did is on the customer's timeline (lib/feeds/automation.ts), not here.
 */

export interface OpenRun {
  id: number;
  scenarioId: number;
  scenarioName: string;
  status: string;
  /** the step it is at, or will do next */
  stepId: string | null;
  error: string | null;
  startedAt: Date;
}

export interface CustomerRunSummary {
  runs: OpenRun[];
  /**
   * Changes whenever one of the customer's runs starts, moves to another step or ends: the page
   * polls the summary and reloads what runs change (the timeline, the profile, the groups) when it does.
   */
  marker: string;
}

export const OPEN_RUNS_SHOWN = 20;

export async function customerRunSummary(tenantId: number, customerId: number, tx: DbOrTx = db): Promise<CustomerRunSummary> {
  const where = { tenantId, customerId };
  const [rows, byStatus] = await Promise.all([
    tx.scenarioRun.findMany({
      where: { ...where, status: { in: [...UNFINISHED_RUN_STATUSES, RUN_STATUS.failed] } },
      select: { id: true, scenarioId: true, status: true, stepId: true, error: true, startedAt: true, scenario: { select: { name: true } } },
      orderBy: { id: "desc" },
      take: OPEN_RUNS_SHOWN,
    }),
    tx.scenarioRun.groupBy({ by: ["status"], where, _count: { _all: true }, _max: { id: true } }),
  ]);
  const runs = rows.map((r) => ({
    id: Number(r.id),
    scenarioId: r.scenarioId,
    scenarioName: r.scenario.name,
    status: r.status,
    stepId: r.stepId,
    error: r.error,
    startedAt: r.startedAt,
  }));
  const counts = byStatus
    .map((s) => `${s.status}=${s._count._all}/${s._max.id ?? ""}`)
    .sort()
    .join(",");
  return { runs, marker: `${counts};${runs.map((r) => `${r.id}:${r.status}:${r.stepId ?? ""}`).join(",")}` };
}
