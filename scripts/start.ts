// `npm start`: migrate, seed the demo tenant once, build if the build is missing or stale, then serve
// on PORT (default 3000). Works on a fresh clone after `npm install`, on SQLite by default.
// `npm run dev` (`--dev`): the same migrate and seed, then `next dev` instead of a build.
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { serverSecret } from "../lib/access/secret";
import { databaseUrl, providerOf } from "../lib/db/config";
import { migrate } from "../lib/db/migrate";
import { buildIfStale } from "./build-if-stale";

const root = path.resolve(__dirname, "..");
const nextBin = path.join(root, "node_modules/.bin/next");

const dev = process.argv.includes("--dev");
const tag = dev ? "[dev]" : "[start]";

async function main() {
  process.env.AUTH_SECRET = serverSecret();
  process.env.DATABASE_URL = databaseUrl();
  const provider = providerOf(process.env.DATABASE_URL);
  const applied = await migrate();
  console.log(`${tag} ${provider}: ${applied.length ? `applied ${applied.join(", ")}` : "schema up to date"}`);

  const seed = spawnSync(path.join(root, "node_modules/.bin/tsx"), [path.join(root, "prisma/seed.ts"), "--if-empty"], {
    stdio: "inherit",
    env: process.env,
  });
  if (seed.status !== 0) process.exit(seed.status ?? 1);

  if (!dev && !buildIfStale((m) => console.log(`${tag} ${m}`))) process.exit(1);

  const port = process.env.PORT || "3000";
  console.log(`${tag} serving on http://localhost:${port}`);
  const server = spawn(nextBin, [dev ? "dev" : "start", "-p", port], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  // the worker beside the server (one process: enough on SQLite; add more `npm run worker` on PostgreSQL)
  const worker = spawn(path.join(root, "node_modules/.bin/tsx"), [path.join(root, "scripts/worker.ts"), "--no-migrate"], {
    stdio: "inherit",
    env: process.env,
  });
  worker.on("exit", (code, signal) => {
    if (signal !== "SIGTERM" && signal !== "SIGINT") console.error(`${tag} worker exited (${signal ?? code})`);
  });
  const stop = (signal: NodeJS.Signals) => {
    worker.kill(signal);
    server.kill(signal);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((err) => {
  console.error(tag, err instanceof Error ? err.message : err);
  process.exit(1);
});
