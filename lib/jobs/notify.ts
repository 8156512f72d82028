import pg from "pg";
import { databaseUrl } from "@/lib/db/config";
import { NOTIFY_CHANNEL } from "./constants";

/**
 * PostgreSQL LISTEN on the jobs channel: `onJob` runs whenever a transaction that queued a due job
 * commits (lib/jobs/repository.ts notifies). Reconnects after a lost connection; polling covers
 * the gap. Returns a function that stops listening.
 */
export async function listenForJobs(onJob: () => void, log: (m: string) => void, url = databaseUrl()): Promise<() => Promise<void>> {
  let client: pg.Client | undefined;
  let stopped = false;
  const connect = async (): Promise<void> => {
    if (stopped) return;
    const c = new pg.Client({ connectionString: url });
    c.on("notification", () => onJob());
    c.on("error", (err) => {
      log(`listen connection lost: ${err.message}`);
      client = undefined;
      setTimeout(() => void connect().catch(() => undefined), 1000).unref();
    });
    await c.connect();
    await c.query(`LISTEN ${NOTIFY_CHANNEL}`);
    client = c;
  };
  await connect().catch((err) => log(`listen failed: ${(err as Error).message}`));
  return async () => {
    stopped = true;
    await client?.end().catch(() => undefined);
  };
}
