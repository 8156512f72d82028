import { AsyncLocalStorage } from "node:async_hooks";
import { currentProvider } from "@/lib/db/sql";
import { ingest, type Batch, type Outcome } from "./ingest";

/**
 * Group commit: every event write of this process (single creates, batches, the console) queues
 * here, and a flush validates and writes what is queued in one transaction. A flush
 * costs ~2 ms whatever its size (a handful of lookups, the transaction, SQLite's commit), so under
 * load it has to be shared: the requests that arrive while a flush runs go into the next one.
 *
 * Two things make that sharing happen:
 * - before each flush, one turn of the event loop (setImmediate): better-sqlite3 is synchronous,
 *   so a whole flush can run as one chain of microtasks during which no new request is even read
 *   from its socket; without the turn a saturated server settles at one event per flush.
 * - arrival accounting: a route wrapped in `expectingEvents` counts its request as "on its way"
 *   from the moment it enters (before authentication and parsing) until it submits or fails. A
 *   flush waits, at most LINGER_MS after its oldest event arrived, while requests are on their way
 *   and fewer than TARGET_EVENTS are queued. A lone client is never delayed: nothing else is on
 *   its way.
 * On SQLite flushes run one at a time: there is one writer, and better-sqlite3 blocks the event loop
 * while it writes. On PostgreSQL up to CDP_EVENT_FLUSHES (default 2) run at once, each in its own
 * transaction on its own connection: a flush there is mostly waiting on the server (a batch's
 * customer updates write an entry in each of the customer's indexes), and two keep two server
 * processes busy. Each flush updates its customers in customer order (so two flushes meet on
 * shared customers in the same order, as flushes of separate processes always could), and a
 * deadlock between them is retried (ingest.ts).
 */

/** A flush takes whole submissions up to about this many events (a larger one goes alone). */
export const MAX_EVENTS_PER_FLUSH = 5000;
const TARGET_EVENTS = 64;
const LINGER_MS = Number(process.env.CDP_EVENT_LINGER_MS ?? 2);
const PG_FLUSHES = Math.max(1, Number(process.env.CDP_EVENT_FLUSHES ?? 2));

/** How many flushes may run at once on the process's database. */
const concurrentFlushes = () => (currentProvider() === "postgresql" ? PG_FLUSHES : 1);

interface Pending {
  batch: Batch;
  at: number;
  resolve: (outcomes: Outcome[]) => void;
  reject: (err: unknown) => void;
}

class GroupCommitter {
  /** the ingestion code; replaced when a dev hot reload evaluates this module again */
  ingest = ingest;
  /** requests inside an `expectingEvents` route that have not submitted (nor failed) yet */
  onTheirWay = 0;
  private queue: Pending[] = [];
  private queuedEvents = 0;
  /** flush loops running (each takes what is queued, flushes it, and goes on while more is queued) */
  private lanes = 0;
  private wakers = new Set<() => void>();

  submit(batch: Batch): Promise<Outcome[]> {
    return new Promise((resolve, reject) => {
      this.queue.push({ batch, at: performance.now(), resolve, reject });
      this.queuedEvents += batch.entries.length;
      this.poke();
      if (this.lanes < concurrentFlushes()) void this.drain();
    });
  }

  /** Ends the lingers once there is nothing more to wait for. */
  poke(): void {
    if (this.wakers.size && (this.queuedEvents >= TARGET_EVENTS || this.onTheirWay <= 0)) for (const wake of [...this.wakers]) wake();
  }

  private take(): Pending[] {
    const taken: Pending[] = [];
    let events = 0;
    while (this.queue.length) {
      const next = this.queue[0];
      if (taken.length && events + next.batch.entries.length > MAX_EVENTS_PER_FLUSH) break;
      taken.push(this.queue.shift()!);
      events += next.batch.entries.length;
    }
    this.queuedEvents -= events;
    return taken;
  }

  /** One event-loop turn, then (while more is on its way) a short wait for the queue to fill. */
  private async gather(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    if (!this.queue.length) return; // another flush took it
    const wait = this.queue[0].at + LINGER_MS - performance.now();
    if (wait <= 0 || this.queuedEvents >= TARGET_EVENTS || this.onTheirWay <= 0) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, wait);
      this.wakers.add(done);
    });
  }

  private async drain(): Promise<void> {
    this.lanes++;
    try {
      while (this.queue.length) {
        await this.gather();
        const taken = this.take();
        if (!taken.length) continue;
        try {
          const outcomes = await this.ingest(taken.map((p) => p.batch));
          taken.forEach((p, i) => p.resolve(outcomes[i]));
        } catch (err) {
          for (const p of taken) p.reject(err);
        }
      }
    } finally {
      this.lanes--;
    }
  }
}

// One writer per process, on globalThis: route bundles that each evaluate this module still share
// it (one flush at a time), and a dev hot reload keeps the queue but swaps in the new code.
const globalForWriter = globalThis as unknown as { __cdpEventWriter?: GroupCommitter };
const writer = (globalForWriter.__cdpEventWriter ??= new GroupCommitter());
writer.ingest = ingest;

/** A request inside an `expectingEvents` route, on its way to submitting events. */
interface Arrival {
  pending: boolean;
}

/** The arrival of the request being handled, if its route is wrapped in `expectingEvents`. */
const currentArrival = new AsyncLocalStorage<Arrival>();

/** Marks an arrival as no longer on its way. */
function arrived(a: Arrival | undefined): void {
  if (!a?.pending) return;
  a.pending = false;
  writer.onTheirWay--;
  writer.poke();
}

/**
 * Wraps a route handler whose requests will submit events, so the writer can wait for them (see
 * above). The arrival travels with the request's async context: services never see the Request.
 */
export function expectingEvents<A extends unknown[]>(handler: (req: Request, ...rest: A) => Promise<Response>) {
  return async (req: Request, ...rest: A): Promise<Response> => {
    const arrival: Arrival = { pending: true };
    writer.onTheirWay++;
    try {
      return await currentArrival.run(arrival, () => handler(req, ...rest));
    } finally {
      arrived(arrival);
    }
  };
}

/** Queues a batch for the next flush; resolves with one outcome per entry once it is committed. */
export function submitEvents(batch: Batch): Promise<Outcome[]> {
  arrived(currentArrival.getStore());
  return writer.submit(batch);
}
