// A CPU profile of `next start` (the production build) under the batchCreate load of bench/run.ts:
//   npx tsx bench/profile-server.ts [--db sqlite|postgresql] [--duration 20] [--connections 4] [--port 3300]
// on the database the last `bench/run.ts --db …` seeded (BENCH_PG_URL for PostgreSQL). Writes the
// profile to --dir (default /tmp/cdp-server-prof); summarise the largest file with bench/top-frames.ts.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { batchBody, load, root } from "./harness";

const { values } = parseArgs({
  options: {
    db: { type: "string", default: "sqlite" },
    duration: { type: "string", default: "20" },
    connections: { type: "string", default: "4" },
    port: { type: "string", default: "3300" },
    dir: { type: "string", default: "/tmp/cdp-server-prof" },
  },
});

async function main() {
  const url =
    values.db === "postgresql"
      ? (process.env.BENCH_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/cdp_bench")
      : `file:${path.join(root, "data/bench.db")}`;
  const seed = JSON.parse(readFileSync(path.join(root, `bench/results/${values.db}-seed.json`), "utf8"));
  const next = path.join(root, "node_modules/next/dist/bin/next");
  const child = spawn(process.execPath, ["--cpu-prof", `--cpu-prof-dir=${values.dir}`, next, "start", "-p", values.port!, "-H", "127.0.0.1"], {
    cwd: root,
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_URL: url, AUTH_SECRET: "bench-secret", CDP_RATE_LIMIT: "off", NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  const base = `http://127.0.0.1:${values.port}`;
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  const tokenRes = await fetch(`${base}/openapi/auth/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ appKey: seed.appKey, secret: seed.secret }),
  });
  const token = (await tokenRes.json()).data.token as string;
  const result = await load({
    url: `${base}/openapi/customer-event/batchCreate`,
    connections: Number(values.connections),
    duration: Number(values.duration),
    requests: [
      {
        method: "POST",
        headers: { "content-type": "application/json", token },
        setupRequest: (req) => ({ ...req, body: batchBody(seed.customers) }),
      },
    ],
  });
  console.log(JSON.stringify({ ...result, eventsPerSecond: Math.round((result.requests * 1000) / Number(values.duration)) }));
  process.kill(-child.pid!, "SIGINT"); // next exits, and node writes the profile
  await new Promise((r) => setTimeout(r, 3000));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
