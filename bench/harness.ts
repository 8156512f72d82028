// Shared pieces of the benchmarks: a production server on a database of its own, autocannon runs,
// and signing helpers. Nothing here is imported by the app.
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";

export const root = path.resolve(__dirname, "..");

export interface Server {
  url: string;
  /** CPU time (user + system) the server's process group has used so far, in ms (Linux /proc) */
  cpuMs(): number;
  stop(): Promise<void>;
}

/** CPU time of every process in a process group, from /proc/<pid>/stat (clock ticks of 10 ms). */
export function groupCpuMs(pgid: number): number {
  let ticks = 0;
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      // the fields after the command name, which is in parentheses and may hold spaces
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(f[2]) === pgid) ticks += Number(f[11]) + Number(f[12]);
    } catch {
      /* gone meanwhile */
    }
  }
  return ticks * 10;
}

/** `next start` of the existing production build, in its own process group (rate limits off unless `env` says). */
export async function startServer(databaseUrl: string, port: number, env: Record<string, string> = {}): Promise<Server> {
  const child: ChildProcess = spawn(path.join(root, "node_modules/.bin/next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: process.env.AUTH_SECRET ?? "bench-secret",
      CDP_RATE_LIMIT: "off",
      CDP_BENCH_ROUTES: "1",
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      ...env,
    },
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  // warm the routes' compiled code paths
  await fetch(`${url}/api/health`);
  return {
    url,
    cpuMs: () => groupCpuMs(child.pid!),
    stop: async () => {
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        /* already gone */
      }
      await new Promise((r) => setTimeout(r, 1000));
    },
  };
}

export interface LoadResult {
  requests: number;
  rps: number;
  p50: number;
  p95?: number;
  p99: number;
  non2xx: number;
  errors: number;
  bodies?: string[];
}

export async function load(opts: autocannon.Options): Promise<LoadResult> {
  const result = await autocannon({ connections: 32, duration: 30, ...opts });
  return {
    requests: result.requests.total,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

export function sign(appKey: string, secret: string, at = Math.floor(Date.now() / 1000)): string {
  const ts = String(at);
  return `appid=${appKey}&timestamp=${ts}&sign=${createHash("sha256").update(appKey + ts + secret).digest("hex")}`;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Sequential requests, to measure latency without queueing: returns p50/p95/p99 in ms. */
export async function latencies(n: number, send: (i: number) => Promise<Response>) {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const res = await send(i);
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`request ${i} answered ${res.status}`);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 10) / 10;
  return { n, p50: r(percentile(times, 50)), p95: r(percentile(times, 95)), p99: r(percentile(times, 99)) };
}

/** CPU time (ms) one process has used so far (clock ticks of 10 ms). */
function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return 0;
  }
}

/** CPU time (ms) so far of the PostgreSQL server processes serving one database (same machine). */
export async function pgBackendsCpuMs(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
    );
    return rows.reduce((sum, r) => sum + processCpuMs(r.pid), 0);
  } finally {
    await client.end();
  }
}

/**
 * The body of one batchCreate of 1,000 page views on customers spread over the seeded ones (ids 2 …
 * customers), as every batch benchmark sends it; `eventId` gives each event an idempotency key.
 */
export function batchBody(customers: number, eventId?: () => string): string {
  return JSON.stringify({
    events: Array.from({ length: 1000 }, (_, i) => ({
      customerId: 2 + ((i * 7919 + Math.floor(Math.random() * 1e6)) % (customers - 1)),
      event: "page_view",
      eventName: "浏览页面",
      happenTime: "2026-11-21 11:00:00",
      attrValueList: [{ attrKey: "url", attrValue: "/batch", type: "text" }],
      ...(eventId ? { eventId: eventId() } : {}),
    })),
  });
}
