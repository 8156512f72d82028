import { hostname } from "node:os";
import { db as defaultDb, type Db, type Tx } from "@/lib/db/client";
import { currentProvider } from "@/lib/db/sql";
import { systemClock, type Clock } from "./clock";
import { DEFAULT_LEASE_MS, MAX_TAKEOVERS } from "./constants";
import { Crash, StaleLease, type FaultHooks, type FaultPoint } from "./faults";
import { claimJobs, fence, heartbeat, release, settle, type ClaimedJob } from "./lease";
import { listenForJobs } from "./notify";

/**
 * The worker: claims due jobs with a lease, runs each with its kind's handler, heartbeats while it
 * runs, and gives back what it had not started when asked to stop. Handlers commit through
 * `ctx.commit`, which fences the lease first: a stale worker's transaction is rolled back.
 */

export interface JobContext {
  job: ClaimedJob;
  now(): Date;
  /** a transaction that first proves the lease is still ours; `settle` ends the claim inside it */
  commit<T>(fn: (tx: Tx, settle: Settle) => Promise<T>): Promise<T>;
  /** a fault-injection point (tests); a no-op in production */
  point(at: FaultPoint, step?: string): void;
  /** extend the lease now (long external calls) */
  heartbeat(): Promise<boolean>;
}

export type Settle = (end: Parameters<typeof settle>[3]) => Promise<void>;

export interface JobHandler {
  run(ctx: JobContext): Promise<void>;
  /** the job is dead (taken over too often): record why, in the given (fenced) transaction */
  dead?(tx: Tx, job: ClaimedJob, reason: string, now: Date): Promise<void>;
}

export interface WorkerOptions {
  id?: string;
  db?: Db;
  clock?: Clock;
  /** jobs held at once (default 4); webhook steps wait on their receiver, not the CPU, so a worker delivering them wants many */
  concurrency?: number;
  /** claim when at least this many slots are free (default a quarter of `concurrency`), so claims come in batches */
  claimBatch?: number;
  leaseMs?: number;
  pollMs?: number;
  handlers: Record<string, JobHandler>;
  hooks?: FaultHooks;
  maxTakeovers?: number;
  /** periodic maintenance (retention pruning), run at most every `maintenanceMs` */
  maintenance?: (now: Date) => Promise<unknown>;
  maintenanceMs?: number;
  log?: (msg: string) => void;
}

export class Worker {
  readonly id: string;
  private readonly db: Db;
  private readonly clock: Clock;
  readonly concurrency: number;
  private readonly claimBatch: number;
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly maxTakeovers: number;
  private running = false;
  private stopping = false;
  private inFlight = new Set<Promise<void>>();
  private wake?: () => void;
  /** the loop sleeps until enough slots are free (job ends wake it), not until work arrives */
  private awaitingSlots = false;
  private loopDone?: Promise<void>;
  private unlisten?: () => Promise<void>;
  private lastMaintenance = 0;

  constructor(private readonly opts: WorkerOptions) {
    this.id = opts.id ?? `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
    this.db = opts.db ?? defaultDb;
    this.clock = opts.clock ?? systemClock;
    this.concurrency = Math.max(1, opts.concurrency ?? 4);
    this.claimBatch = Math.min(this.concurrency, Math.max(1, opts.claimBatch ?? Math.ceil(this.concurrency / 4)));
    this.leaseMs = opts.leaseMs ?? DEFAULT_LEASE_MS;
    this.pollMs = opts.pollMs ?? 500;
    this.maxTakeovers = opts.maxTakeovers ?? MAX_TAKEOVERS;
  }

  private log(msg: string) {
    (this.opts.log ?? ((m: string) => console.log(`[worker ${this.id}] ${m}`)))(msg);
  }

  /** Claims once (up to `limit`) and runs what it claimed; returns how many jobs it claimed. */
  async tick(limit = this.concurrency * 8): Promise<number> {
    const jobs = await claimJobs(this.db, this.id, this.clock.now(), this.leaseMs, limit, Object.keys(this.opts.handlers));
    if (!jobs.length) return 0;
    const queue = [...jobs];
    const lanes = Array.from({ length: Math.min(this.concurrency, queue.length) }, async () => {
      for (let job = queue.shift(); job; job = queue.shift()) {
        if (this.stopping) {
          await release(this.db, [job, ...queue.splice(0)], this.clock.now());
          return;
        }
        await this.runOne(job);
      }
    });
    await Promise.all(lanes);
    return jobs.length;
  }

  /** Ticks until nothing is due (tests, `--until-idle`). */
  async drain(maxTicks = 10_000): Promise<number> {
    let total = 0;
    for (let i = 0; i < maxTicks; i++) {
      const n = await this.tick();
      if (!n) break;
      total += n;
    }
    return total;
  }

  private async runOne(job: ClaimedJob): Promise<void> {
    const handler = this.opts.handlers[job.kind];
    const hooks = this.opts.hooks;
    const point = (at: FaultPoint, step?: string) => hooks?.at(at, { jobId: job.id, step });
    let beat: NodeJS.Timeout | undefined;
    try {
      point("claimed");
      if (job.takeovers > this.maxTakeovers) {
        const reason = `taken_over_too_often: the job's lease expired ${job.takeovers} times`;
        await this.db.$transaction(async (tx) => {
          const now = this.clock.now();
          await fence(tx, job, now);
          await handler.dead?.(tx, job, reason, now);
          await settle(tx, job, now, { status: "dead", error: reason });
        });
        this.log(`job ${job.id} (${job.kind}) is dead: ${reason}`);
        return;
      }
      beat = setInterval(() => void heartbeat(this.db, job, this.clock.now(), this.leaseMs).catch(() => undefined), Math.max(50, this.leaseMs / 3));
      beat.unref?.();
      const ctx: JobContext = {
        job,
        now: () => this.clock.now(),
        point,
        heartbeat: () => heartbeat(this.db, job, this.clock.now(), this.leaseMs),
        commit: (fn) =>
          this.db.$transaction(
            async (tx) => {
              await fence(tx, job, this.clock.now());
              return fn(tx, (end) => settle(tx, job, this.clock.now(), end));
            },
            { maxWait: 30_000, timeout: 60_000 },
          ),
      };
      await handler.run(ctx);
    } catch (err) {
      if (err instanceof Crash) return; // the "process died": the lease just expires
      if (err instanceof StaleLease) {
        this.log(err.message);
        return;
      }
      // An unexpected fault (a bug, the database gone): try again later, then give up.
      const message = err instanceof Error ? err.message : String(err);
      this.log(`job ${job.id} (${job.kind}) failed: ${message}`);
      await this.retryLater(job, handler, message).catch((e) => this.log(`job ${job.id}: could not record the failure: ${(e as Error).message}`));
    } finally {
      if (beat) clearInterval(beat);
    }
  }

  private async retryLater(job: ClaimedJob, handler: JobHandler | undefined, message: string) {
    await this.db.$transaction(async (tx) => {
      const now = this.clock.now();
      await fence(tx, job, now);
      const attempts = job.attempts + 1;
      if (attempts >= job.maxAttempts) {
        await handler?.dead?.(tx, job, `internal: ${message}`, now);
        await settle(tx, job, now, { status: "dead", error: message.slice(0, 1000) });
      } else {
        const delay = Math.min(600_000, 1000 * 2 ** attempts) * (0.5 + Math.random() / 2);
        await settle(tx, job, now, { status: "pending", runAt: new Date(now.getTime() + delay), attempts, error: message.slice(0, 1000) });
      }
    });
  }

  /** Runs until stop(): claims while it has free lanes, sleeps until woken or the poll interval. */
  start(): void {
    if (this.running) return;
    this.running = true;
    if (currentProvider() === "postgresql") {
      void listenForJobs(() => this.wake?.(), (m) => this.log(m)).then((stop) => {
        this.unlisten = stop;
        if (!this.running) void stop();
      });
    }
    this.loopDone = this.loop();
  }

  /**
   * Claims while enough slots are free (a batch at a time, not one job per finished job), then
   * sleeps: until jobs end and free a batch of slots, or, when the queue ran dry, until a NOTIFY
   * (PostgreSQL) or the poll interval.
   */
  private async loop(): Promise<void> {
    while (this.running && !this.stopping) {
      const free = this.concurrency - this.inFlight.size;
      if (free < this.claimBatch && this.inFlight.size > 0) {
        this.awaitingSlots = true;
        await this.sleep(60_000);
        this.awaitingSlots = false;
        continue;
      }
      let claimed = 0;
      try {
        const jobs = await claimJobs(this.db, this.id, this.clock.now(), this.leaseMs, free, Object.keys(this.opts.handlers));
        claimed = jobs.length;
        for (const job of jobs) {
          if (this.stopping) {
            await release(this.db, [job], this.clock.now());
            continue;
          }
          const p: Promise<void> = this.runOne(job).finally(() => {
            this.inFlight.delete(p);
            if (this.awaitingSlots && (this.concurrency - this.inFlight.size >= this.claimBatch || this.inFlight.size === 0)) this.wake?.();
          });
          this.inFlight.add(p);
        }
        await this.maybeMaintain();
      } catch (err) {
        this.log(`claim failed: ${(err as Error).message}`);
      }
      if (claimed < free) await this.sleep(this.pollMs);
    }
  }

  private async sleep(ms: number): Promise<void> {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
    this.wake = undefined;
  }

  private async maybeMaintain() {
    const every = this.opts.maintenanceMs ?? 3_600_000;
    if (!this.opts.maintenance || Date.now() - this.lastMaintenance < every) return;
    this.lastMaintenance = Date.now();
    await this.opts.maintenance(this.clock.now()).catch((e) => this.log(`maintenance failed: ${(e as Error).message}`));
  }

  /** Graceful stop: claim nothing more, let started jobs finish, give back the rest. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loopDone;
    await Promise.allSettled([...this.inFlight]);
    await this.unlisten?.();
    this.running = false;
  }
}
