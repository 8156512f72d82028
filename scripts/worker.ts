// `npm run worker`: one worker process draining the job queue (scenario steps, fan-outs) until
// SIGTERM/SIGINT, then it stops claiming, lets started steps finish and gives back the rest.
//   WORKER_CONCURRENCY=128 (steps at once; most wait on webhook receivers) · --until-idle: exit once nothing is due (tests, benches)
// SQLite: run one worker process. PostgreSQL: any number (SKIP LOCKED leases, LISTEN/NOTIFY wake-ups).
import { serverSecret } from "../lib/access/secret";
import { db } from "../lib/db/client";
import { databaseUrl, providerOf } from "../lib/db/config";
import { migrate } from "../lib/db/migrate";
import { createAutomationWorker } from "../lib/scenarios/worker";

async function main() {
  process.env.AUTH_SECRET ??= serverSecret();
  const provider = providerOf(databaseUrl());
  if (!process.argv.includes("--no-migrate")) await migrate();
  const worker = createAutomationWorker();
  if (process.argv.includes("--until-idle")) {
    const n = await worker.drain();
    console.log(JSON.stringify({ worker: worker.id, jobs: n }));
    await db.$disconnect();
    return;
  }
  console.log(`[worker] ${worker.id} on ${provider}, concurrency ${worker.concurrency}`);
  worker.start();
  const stop = async (signal: string) => {
    console.log(`[worker] ${signal}: finishing started steps`);
    await worker.stop();
    await db.$disconnect();
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));
}

main().catch((err) => {
  console.error("[worker]", err instanceof Error ? err.message : err);
  process.exit(1);
});
