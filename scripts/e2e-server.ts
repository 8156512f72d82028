// Serves the production build for Playwright on a fresh database of its own (E2E_DATABASE_URL).
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { providerOf, sqlitePath } from "../lib/db/config";
import { migrate, pgConfig } from "../lib/db/migrate";

const root = path.resolve(__dirname, "..");

async function freshDatabase(url: string) {
  if (providerOf(url) === "sqlite") {
    for (const suffix of ["", "-wal", "-shm"]) rmSync(sqlitePath(url) + suffix, { force: true });
  } else {
    const cfg = pgConfig(url);
    const admin = new pg.Client({ ...cfg, database: "postgres" });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${cfg.database}" WITH (FORCE)`);
    await admin.end();
  }
  await migrate(url);
}

async function main() {
  const url = process.env.E2E_DATABASE_URL!;
  await freshDatabase(url);
  const env = {
    ...process.env,
    DATABASE_URL: url,
    AUTH_SECRET: process.env.E2E_AUTH_SECRET,
    NEXT_TELEMETRY_DISABLED: "1",
    CDP_WORKER_POLL_MS: "200",
    // scenario webhooks in the tests call servers on 127.0.0.1
    CDP_WEBHOOK_ALLOW_PRIVATE: "1",
  };
  const server = spawn(path.join(root, "node_modules/.bin/next"), ["start", "-p", process.env.E2E_PORT ?? "3200", "-H", "127.0.0.1"], { cwd: root, stdio: "inherit", env });
  // the automation worker beside the server, as `npm start` runs it: scenario runs progress in the tests
  const worker = spawn(path.join(root, "node_modules/.bin/tsx"), [path.join(root, "scripts/worker.ts"), "--no-migrate"], { cwd: root, stdio: "inherit", env });
  const stop = () => {
    worker.kill("SIGTERM");
    server.kill("SIGTERM");
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  server.on("exit", (code) => {
    worker.kill("SIGTERM");
    process.exit(code ?? 0);
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
