import { db, type DbOrTx, type Tx } from "@/lib/db/client";
import { intLiteral, Params, sqlInstant } from "@/lib/db/sql";
import { JOB_KINDS } from "@/lib/jobs/constants";
import type { ClaimedJob } from "@/lib/jobs/lease";
import { enqueue, type NewJob } from "@/lib/jobs/repository";
import type { JobHandler } from "@/lib/jobs/worker";
import { membersPage } from "@/lib/segments/query";
import type { Rule } from "@/lib/segments/schemas";
import { parseRule } from "@/lib/segments/validate";
import { startRunsForTrigger, type CustomEventTrigger } from "./runs";

/**
 * A withsegments fan-out, in two kinds of job. The walk (scenario.fanout) goes through the union of
 * the segments (one rule, {any: […]}) in customer-id order from the fan-out's cursor and hands out
 * the customers a chunk at a time: chunk jobs and the advanced cursor commit together.
 * A chunk job (scenario.fanout.chunk), run by whichever worker claims it — on PostgreSQL several at
 * once — takes the union's customers in its id range (after, through], and in one fenced transaction
 * inserts their runs and takes them through the flow's leading internal steps all at once
 * (advance.ts: one set statement per effect, bulk step logs and run states); only runs that reach a
 * wait still to come or an external step get a step job. A crash redoes the uncommitted page or
 * chunk only (nothing of it committed); ranges do not overlap, and the runs' trigger key
 * `fan:<fan-out>:<customer>` would make a redone chunk write nobody twice anyway.
 *
 * The fan-out is done when every chunk and the walk itself are (`chunksDone` reaches `chunks`,
 * which counts the walk from the start): whichever finishes last says so, under the row's lock.
 */

/** Customers per chunk (CDP_FANOUT_CHUNK, read at each fan-out so tests can make chunks small). */
export const fanOutChunk = () => Number(process.env.CDP_FANOUT_CHUNK ?? 1000);

interface FanOut {
  id: bigint;
  tenantId: number;
  customEventId: number;
  customEventNumber: number;
  dataFields: CustomEventTrigger["dataFields"];
  createdAt: Date;
  rule: Rule;
}

const json = <T>(v: unknown) => (typeof v === "string" ? JSON.parse(v) : v) as T;

/** The fan-out while it is pending, with the union of its segments as one rule. */
async function pendingFanOut(id: bigint): Promise<FanOut | null> {
  const fan = await db.scenarioFanOut.findUnique({ where: { id }, include: { customEvent: { select: { number: true } } } });
  if (!fan || fan.status !== "pending") return null;
  const segments = await db.segment.findMany({ where: { tenantId: fan.tenantId, id: { in: json<number[]>(fan.segmentIds) } }, select: { rules: true } });
  return {
    id,
    tenantId: fan.tenantId,
    customEventId: fan.customEventId,
    customEventNumber: fan.customEvent.number,
    dataFields: json(fan.dataFields),
    createdAt: fan.createdAt,
    rule: parseRule({ any: segments.map((s) => json(s.rules)) }),
  };
}

/**
 * Counts a finished chunk (or the finished walk) with what it expanded; the last to finish marks
 * the fan-out done. One UPDATE: on PostgreSQL concurrent chunks queue on the row's lock, so the last
 * one sees every other's count.
 */
async function chunkDone(tx: DbOrTx, id: bigint, customers: number, runs: number, now: Date) {
  const p = new Params();
  const pending = p.add("pending");
  const done = p.add("done");
  const at = p.add(sqlInstant(now));
  await tx.$executeRawUnsafe(
    `UPDATE "ScenarioFanOut" SET "chunksDone" = "chunksDone" + 1, "customers" = "customers" + ${intLiteral(customers)}, "runs" = "runs" + ${intLiteral(runs)},
       "status" = CASE WHEN "status" = ${pending} AND "chunksDone" + 1 >= "chunks" THEN ${done} ELSE "status" END,
       "finishedAt" = CASE WHEN "finishedAt" IS NULL AND "chunksDone" + 1 >= "chunks" THEN ${at} ELSE "finishedAt" END
     WHERE "id" = ${p.add(id)}`,
    ...p.values,
  );
}

async function failFanOut(tx: Tx, job: ClaimedJob, reason: string, now: Date) {
  await tx.scenarioFanOut.updateMany({ where: { id: BigInt(Number(job.payload.fanOutId)), status: "pending" }, data: { status: "failed", error: reason, finishedAt: now } });
}

/** Chunks a walk job hands out before it passes the walk on to a fresh job of its own. */
const CHUNKS_PER_WALK = 10;

/**
 * The walk: hands out the union's next customers as up to CHUNKS_PER_WALK chunk jobs, and then —
 * in the same transaction — either marks the walk finished or queues its continuation, a new walk
 * job. Each walk job is short, so a worker killed now and then costs one redo of one page, never
 * enough takeovers of one long-lived job to declare the fan-out dead.
 */
export const scenarioFanOutHandler: JobHandler = {
  async run(ctx) {
    const id = BigInt(Number(ctx.job.payload.fanOutId));
    const fan = await pendingFanOut(id);
    if (!fan) {
      await ctx.commit((_tx, settle) => settle({ status: "done" }));
      return;
    }
    const cursor = await ctx.commit(async (tx, settle) => {
      const now = ctx.now();
      const { cursor } = await tx.scenarioFanOut.findUniqueOrThrow({ where: { id }, select: { cursor: true } });
      const size = fanOutChunk();
      const page = await membersPage(fan.tenantId, fan.rule, { after: cursor || undefined, limit: size * CHUNKS_PER_WALK }, { tx, now });
      const jobs: NewJob[] = [];
      for (let i = 0, after = cursor; i < page.items.length; i += size) {
        const through = page.items[Math.min(i + size, page.items.length) - 1].id;
        jobs.push({ kind: JOB_KINDS.scenarioFanOutChunk, tenantId: fan.tenantId, payload: { fanOutId: Number(id), after, through }, runAt: now, key: `fanout:${id}:${after}`, maxAttempts: 10 });
        after = through;
      }
      if (jobs.length) {
        await tx.scenarioFanOut.update({ where: { id }, data: { cursor: page.items.at(-1)!.id, chunks: { increment: jobs.length } } });
      }
      await settle({ status: "done" });
      if (page.nextAfter === null) await chunkDone(tx, id, 0, 0, now);
      else jobs.push({ kind: JOB_KINDS.scenarioFanOut, tenantId: fan.tenantId, payload: { fanOutId: Number(id) }, runAt: now, key: `fanout:${id}`, maxAttempts: 10 });
      await enqueue(tx, jobs, now);
      ctx.point("before-commit", `fanout-walk:${cursor}`);
      return cursor;
    });
    ctx.point("after-commit", `fanout-walk:${cursor}`);
  },
  dead: failFanOut,
};

/** A chunk: the union's customers in (after, through] become runs, their internal steps done. */
export const scenarioFanOutChunkHandler: JobHandler = {
  async run(ctx) {
    const { fanOutId, after, through } = ctx.job.payload as { fanOutId: number; after: number; through: number };
    const fan = await pendingFanOut(BigInt(fanOutId));
    if (!fan) {
      await ctx.commit((_tx, settle) => settle({ status: "done" }));
      return;
    }
    const name = `fanout:${after}`;
    await ctx.commit(async (tx, settle) => {
      const now = ctx.now();
      const ids: number[] = [];
      for (let from = after; ; ) {
        const page = await membersPage(fan.tenantId, fan.rule, { after: from || undefined, through, limit: fanOutChunk() }, { tx, now });
        for (const m of page.items) ids.push(m.id);
        if (page.nextAfter === null) break;
        from = page.nextAfter;
      }
      ctx.point("before-effect", name);
      const triggers = ids.map((customerId) => ({
        kind: "custom" as const,
        tenantId: fan.tenantId,
        customerId,
        customEventId: fan.customEventId,
        customEventNumber: fan.customEventNumber,
        dataFields: fan.dataFields,
        at: fan.createdAt,
        key: `fan:${fanOutId}:${customerId}`,
      }));
      const runs = await startRunsForTrigger(tx, triggers, now, { inline: { point: (at, step) => ctx.point(at, `${name}:${step}`) } });
      ctx.point("after-effect", name);
      await chunkDone(tx, fan.id, ids.length, runs, now);
      await settle({ status: "done" });
      ctx.point("before-commit", name);
    });
    ctx.point("after-commit", name);
  },
  dead: failFanOut,
};

/** The handlers that expand a fan-out into runs: the walk and its chunks (a worker needs both). */
export const FANOUT_HANDLERS = {
  [JOB_KINDS.scenarioFanOut]: scenarioFanOutHandler,
  [JOB_KINDS.scenarioFanOutChunk]: scenarioFanOutChunkHandler,
};
