import { db, type Tx } from "@/lib/db/client";
import { StaleLease } from "./faults";
import { fenceMany, type ClaimedJob } from "./lease";

/**
 * Group commit and batched reads for jobs that run side by side. A worker holding many I/O-bound
 * jobs (webhook deliveries) spends its time on per-job statements and transactions, not on the
 * requests; these collect what its jobs ask for while the previous flush is under way (or within
 * the current turn of the event loop) and do it for all of them at once. One job alone is a batch
 * of one: nothing waits for company.
 */

type Waiter<T> = { resolve: (v: T) => void; reject: (e: unknown) => void };

/** Batched reads: `load(key)` calls made in the same turn of the event loop become one `fetch(keys)`. */
export class Loader<K, V> {
  private pending = new Map<K, Waiter<V | undefined>[]>();
  private scheduled = false;

  constructor(
    private readonly fetch: (keys: K[]) => Promise<Map<K, V>>,
    private readonly max = 500,
  ) {}

  load(key: K): Promise<V | undefined> {
    return new Promise((resolve, reject) => {
      const waiters = this.pending.get(key);
      if (waiters) waiters.push({ resolve, reject });
      else this.pending.set(key, [{ resolve, reject }]);
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush() {
    this.scheduled = false;
    const all = [...this.pending];
    this.pending.clear();
    for (let i = 0; i < all.length; i += this.max) {
      const part = all.slice(i, i + this.max);
      try {
        const found = await this.fetch(part.map(([k]) => k));
        for (const [k, ws] of part) for (const w of ws) w.resolve(found.get(k));
      } catch (err) {
        for (const [, ws] of part) for (const w of ws) w.reject(err);
      }
    }
  }
}

export interface BatchItem<I> {
  job: ClaimedJob;
  input: I;
}

/**
 * Group commit of fenced work: `submit(job, now, input)` joins the next transaction, which first
 * fences every job in it (one statement; a job whose lease was taken over is refused with
 * StaleLease and left out), then runs `work` for the rest and commits once. Results are handed out
 * after the commit. One transaction at a time: what arrives meanwhile waits for the next. When a
 * transaction of several jobs fails, each job is tried again alone, so one bad job fails only itself.
 */
export class GroupCommit<I, O> {
  private queue: (BatchItem<I> & Waiter<O> & { now: Date })[] = [];
  private running = false;

  constructor(
    private readonly work: (tx: Tx, items: BatchItem<I>[], now: Date) => Promise<O[]>,
    private readonly max = 500,
  ) {}

  submit(job: ClaimedJob, now: Date, input: I): Promise<O> {
    return new Promise((resolve, reject) => {
      this.queue.push({ job, input, now, resolve, reject });
      if (!this.running) {
        this.running = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain() {
    while (this.queue.length) {
      const items = this.queue.splice(0, this.max);
      try {
        await this.commit(items);
      } catch (err) {
        if (items.length === 1) items[0].reject(err);
        else for (const item of items) await this.commit([item]).catch(item.reject);
      }
    }
    this.running = false;
  }

  private async commit(items: (BatchItem<I> & Waiter<O> & { now: Date })[]) {
    const now = new Date(Math.max(...items.map((i) => i.now.getTime())));
    const { live, results } = await db.$transaction(
      async (tx) => {
        const ours = await fenceMany(tx, items.map((i) => i.job), now);
        const live = items.filter((i) => ours.has(i.job.id));
        return { live, results: live.length ? await this.work(tx, live, now) : [] };
      },
      { maxWait: 30_000, timeout: 60_000 },
    );
    live.forEach((item, i) => item.resolve(results[i]));
    const held = new Set(live);
    for (const item of items) if (!held.has(item)) item.reject(new StaleLease(item.job.id));
  }
}
