import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { makeTenant } from "@/lib/test/factories";
import { applyCustomerEffects } from "./repository-writes";

/**
 * A recorded event moves its customer's score (and updatedAt) far more often than anything else
 * writes the customer. On PostgreSQL that write must stay a HOT update (no index of the customer
 * rewritten): neither column is indexed, and the table keeps room on its pages (fillfactor).
 * The database's own per-transaction counters say which kind of update each one was.
 */
describe.runIf(process.env.CDP_TEST_PROVIDER === "postgresql")("customer writes of recorded events (PostgreSQL)", () => {
  async function updatesIn(effect: { stageId: number | null; scoreDelta: number }, customerId: number) {
    return db.$transaction(async (tx) => {
      // the backend's counts not yet flushed to the statistics: read them before and after
      const counts = async () => {
        const [row] = await tx.$queryRawUnsafe<{ updated: bigint; hot: bigint }[]>(
          `SELECT pg_stat_get_xact_tuples_updated('"Customer"'::regclass) AS "updated",
                  pg_stat_get_xact_tuples_hot_updated('"Customer"'::regclass) AS "hot"`,
        );
        return { updated: Number(row.updated), hot: Number(row.hot) };
      };
      const before = await counts();
      await applyCustomerEffects(tx, [{ customerId, ...effect }], new Date());
      const after = await counts();
      return { updated: after.updated - before.updated, hot: after.hot - before.hot };
    });
  }

  it("a score move rewrites no index of the customer; a stage move does", async () => {
    const tenant = await makeTenant();
    const stages = await db.lifecycleStage.findMany({ where: { tenantId: tenant.id }, orderBy: { id: "asc" } });
    const customer = await db.customer.create({ data: { tenantId: tenant.id, name: "Wang Wu", stageId: stages[0].id } });

    expect(await updatesIn({ stageId: null, scoreDelta: 5 }, customer.id)).toEqual({ updated: 1, hot: 1 });
    // the same stage again is no stage move: still HOT
    expect(await updatesIn({ stageId: stages[0].id, scoreDelta: 2 }, customer.id)).toEqual({ updated: 1, hot: 1 });
    // stageId is indexed (segments and the console filter by it): a real move writes the indexes
    expect(await updatesIn({ stageId: stages[1].id, scoreDelta: 0 }, customer.id)).toEqual({ updated: 1, hot: 0 });

    const after = await db.customer.findUniqueOrThrow({ where: { id: customer.id } });
    expect(after).toMatchObject({ score: 7, stageId: stages[1].id });
    expect(after.updatedAt.getTime()).toBeGreaterThan(customer.updatedAt.getTime());
  });
});
