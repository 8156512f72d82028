import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
(async () => {
  const seed = JSON.parse(readFileSync("bench/results/sqlite-seed.json", "utf8"));
  const child = spawn("node", ["--cpu-prof", "--cpu-prof-dir=/tmp/multi-sprof", "node_modules/next/dist/bin/next", "start", "-p", "3457", "-H", "127.0.0.1"], {
    detached: true, stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_URL: "file:./data/bench.db", AUTH_SECRET: "bench-secret", CDP_RATE_LIMIT: "off", NODE_ENV: "production" },
  });
  const url = "http://127.0.0.1:3457";
  for (let i = 0; i < 120; i++) { try { if ((await fetch(`${url}/api/health`)).ok) break; } catch {} await new Promise((r) => setTimeout(r, 500)); }
  const token = (await (await fetch(`${url}/openapi/auth/token`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ appKey: seed.appKey, secret: seed.secret }) })).json()).data.token;
  const mode = process.argv[2] ?? "query";
  const t0 = Date.now();
  for (let i = 0; i < 600; i++) {
    const res = mode === "health" ? await fetch(`${url}/api/health`) : await fetch(`${url}/openapi/customer-event/queryByCustomerId`, { method: "POST", headers: { "content-type": "application/json", token }, body: JSON.stringify({ customerId: seed.hotCustomerId }) });
    await res.arrayBuffer();
  }
  console.log(mode, "600 calls", Date.now() - t0, "ms");
  process.kill(-child.pid!, "SIGINT");
  await new Promise((r) => setTimeout(r, 3000));
  process.exit(0);
})();
