import { db, type Tx } from "@/lib/db/client";
import type { ClaimedJob } from "@/lib/jobs/lease";
import type { JobHandler } from "@/lib/jobs/worker";
import { membersPage } from "@/lib/segments/query";
import { parseRule } from "@/lib/segments/validate";
import { startRunsForTrigger, type CustomEventTrigger } from "./runs";

/**
 * The fan-out handler (job kind scenario.fanout): expands a withsegments trigger into runs, a
 * chunk of customers per fenced transaction. The union of the segments is one rule ({any: […]}),
 * walked in customer-id order from the fan-out's cursor. In the chunk's transaction the runs are
 * inserted and taken through their flow's leading internal steps all at once (advance.ts: one set
 * statement per effect, bulk step logs and run states); only runs that reach a wait still to come
 * or an external step get a step job. The runs, their effects and the advanced cursor commit
 * together, so a crash mid-chunk redoes that chunk only (nothing of it committed), and the runs'
 * trigger key `fan:<fan-out>:<customer>` makes a redone chunk write nobody twice.
 */

/** Customers per chunk (CDP_FANOUT_CHUNK, read at each fan-out so tests can make chunks small). */
export const fanOutChunk = () => Number(process.env.CDP_FANOUT_CHUNK ?? 1000);

export const scenarioFanOutHandler: JobHandler = {
  async run(ctx) {
    const id = BigInt(Number(ctx.job.payload.fanOutId));
    const fan = await db.scenarioFanOut.findUnique({ where: { id }, include: { customEvent: { select: { number: true } } } });
    if (!fan || fan.status !== "pending") {
      await ctx.commit((_tx, settle) => settle({ status: "done" }));
      return;
    }
    const segmentIds = (typeof fan.segmentIds === "string" ? JSON.parse(fan.segmentIds) : fan.segmentIds) as number[];
    const dataFields = (typeof fan.dataFields === "string" ? JSON.parse(fan.dataFields) : fan.dataFields) as CustomEventTrigger["dataFields"];
    const segments = await db.segment.findMany({ where: { tenantId: fan.tenantId, id: { in: segmentIds } }, select: { rules: true } });
    const rule = parseRule({ any: segments.map((s) => (typeof s.rules === "string" ? JSON.parse(s.rules) : s.rules)) });
    for (;;) {
      const done = await ctx.commit(async (tx, settle) => {
        const now = ctx.now();
        const cur = await tx.scenarioFanOut.findUniqueOrThrow({ where: { id }, select: { cursor: true } });
        const page = await membersPage(fan.tenantId, rule, { after: cur.cursor || undefined, limit: fanOutChunk() }, { tx, now });
        ctx.point("before-effect", `fanout:${cur.cursor}`);
        const runs = await startRunsForTrigger(
          tx,
          page.items.map((m) => ({
            kind: "custom" as const,
            tenantId: fan.tenantId,
            customerId: m.id,
            customEventId: fan.customEventId,
            customEventNumber: fan.customEvent.number,
            dataFields,
            at: fan.createdAt,
            key: `fan:${id}:${m.id}`,
          })),
          now,
          { inline: { point: (at, step) => ctx.point(at, `fanout:${cur.cursor}:${step}`) } },
        );
        ctx.point("after-effect", `fanout:${cur.cursor}`);
        const last = page.items.at(-1)?.id ?? cur.cursor;
        const finished = page.nextAfter === null;
        await tx.scenarioFanOut.update({
          where: { id },
          data: { cursor: last, customers: { increment: page.items.length }, runs: { increment: runs }, ...(finished ? { status: "done", finishedAt: now } : {}) },
        });
        if (finished) await settle({ status: "done" });
        ctx.point("before-commit", `fanout:${cur.cursor}`);
        return finished;
      });
      ctx.point("after-commit");
      if (done) return;
      await ctx.heartbeat();
    }
  },
  async dead(tx: Tx, job: ClaimedJob, reason: string, now: Date) {
    await tx.scenarioFanOut.update({ where: { id: BigInt(Number(job.payload.fanOutId)) }, data: { status: "failed", error: reason, finishedAt: now } });
  },
};
