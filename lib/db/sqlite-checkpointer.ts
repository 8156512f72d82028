import { createRequire } from "node:module";
import path from "node:path";
import { Worker } from "node:worker_threads";

/**
 * Checkpoints of a SQLite database on a thread of their own. A checkpoint copies the pages
 * committed to the WAL since the last one into the database file and syncs both: tens to hundreds
 * of milliseconds after a busy few seconds. Run on the connection that serves requests, it stops
 * every request of the process for that long (create's p99 on SQLite was 2.7 × the empty route's,
 * bench/README.md "Checkpoints off the event loop"). Here a worker thread with its own connection
 * runs a PASSIVE checkpoint every CHECKPOINT_EVERY_MS: it copies what no reader still needs and
 * waits for nobody, and the request connection's commits go on appending to the WAL meanwhile.
 * Every 5 s, not more often: a checkpoint copies each page once however many commits rewrote it
 * since the last, and every second cost SQLite's create ~10 % more CPU under load (bench/README.md).
 *
 * One checkpointer per database file per process (kept on globalThis: Next bundles this module into
 * several chunks), stopped when the last connection to the file closes. The worker is unref'd, so
 * it never keeps a process alive.
 */
export const CHECKPOINT_EVERY_MS = 5000;

const WORKER_SOURCE = `
const { workerData, parentPort } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.file, { timeout: 0 });
const checkpoint = () => {
  try {
    db.pragma("wal_checkpoint(PASSIVE)");
  } catch {
    /* a lock held elsewhere, or the file gone: the next round */
  }
};
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on("message", (m) => {
  if (m === "now") {
    checkpoint();
    parentPort.postMessage("done");
  } else if (m === "stop") {
    clearInterval(timer);
    db.close();
    parentPort.close();
  }
});
`;

interface Checkpointer {
  worker: Worker;
  connections: number;
}

const registry = ((globalThis as unknown as { __cdpCheckpointers?: Map<string, Checkpointer> }).__cdpCheckpointers ??= new Map());

/** better-sqlite3 as the app itself loads it (from the app's node_modules; it is not bundled). */
function driverPath(): string | null {
  try {
    return createRequire(path.join(process.cwd(), "package.json")).resolve("better-sqlite3");
  } catch {
    return null;
  }
}

/**
 * A connection to `file` opened: checkpoints run for it until the matching `release`. Returns false
 * when no worker could start (the caller then checkpoints on its own connection).
 */
export function retainCheckpointer(file: string): boolean {
  const key = path.resolve(file);
  const existing = registry.get(key);
  if (existing) {
    existing.connections++;
    return true;
  }
  const driver = driverPath();
  if (!driver) return false;
  try {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file: key, driver, everyMs: CHECKPOINT_EVERY_MS } });
    worker.unref();
    worker.on("error", () => registry.get(key)?.worker === worker && registry.delete(key));
    registry.set(key, { worker, connections: 1 });
    return true;
  } catch {
    return false;
  }
}

/** A connection to `file` closed; the last one stops its checkpointer. */
export function releaseCheckpointer(file: string): void {
  const key = path.resolve(file);
  const entry = registry.get(key);
  if (!entry || --entry.connections > 0) return;
  registry.delete(key);
  entry.worker.postMessage("stop");
}

/** Runs a checkpoint of `file` now and waits for it (tests). False when no checkpointer runs for it. */
export async function checkpointNow(file: string): Promise<boolean> {
  const entry = registry.get(path.resolve(file));
  if (!entry) return false;
  await new Promise<void>((resolve) => {
    const done = (m: unknown) => {
      if (m !== "done") return;
      entry.worker.off("message", done);
      resolve();
    };
    entry.worker.on("message", done);
    entry.worker.postMessage("now");
  });
  return true;
}
