// The issue-3 benchmarks on one database: `npx tsx bench/run.ts [--db sqlite|postgresql] [--quick]`.
// Needs a production build (`npm run build`). Fills a fresh database (100,000 customers, 1,000,000
// events, 10,000 of them on one customer), starts `next start` on it, and measures in one run:
//   1. GET /api/health (an empty route: the framework's ceiling) — 32 connections, 30 s
//   1b. POST /api/bench/parse (parses the create body, nothing else: Next's POST floor)
//   2. POST customer-event/create — 32 connections, 30 s; then counts the stored events
//   2b. with --processes 2: the same against two `next start` processes on the database
//   3a. POST /api/bench/parse with the same 1,000-event bodies (Next's floor for a batch)
//   3. POST customer-event/batchCreate with 1,000-event batches — 4 connections, 20 s
//   4. queryByCustomerId for the customer with 10,000 events — sequential, p95
//   5. list_customers page 500 of 100,000 customers — sequential, p95
// Writes bench/results/<db>.json and prints a markdown table for bench/README.md.
// --only load|batch|latency runs only those parts (comma-separated; load = 1, 1b, 2, 2b; latency = 4, 5;
// results then go to bench/results/<db>-<only>.json). --rate-limit serves with the per-key limits on
// (the seed key's limit raised out of reach, so the limit store is on every request's path but never
// refuses); with REDIS_URL in the environment the servers keep their counters in Redis.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import os from "node:os";
import type autocannon from "autocannon";
import pg from "pg";
import { pgConfig } from "../lib/db/migrate";
import { batchBody, latencies, load, pgBackendsCpuMs, root, sign, startServer, type LoadResult, type Server } from "./harness";

const { values } = parseArgs({
  options: {
    db: { type: "string", default: "sqlite" },
    quick: { type: "boolean", default: false },
    port: { type: "string", default: "3300" },
    // reuse the database of the last run (its seed line is kept in bench/results/)
    reuse: { type: "boolean", default: false },
    duration: { type: "string" },
    processes: { type: "string", default: "1" },
    only: { type: "string" },
    "rate-limit": { type: "boolean", default: false },
    // batchCreate: seconds, connections
    "batch-duration": { type: "string" },
    "batch-connections": { type: "string", default: "4" },
  },
});
const quick = values.quick!;
const duration = Number(values.duration ?? (quick ? 5 : 30));
const parts = new Set((values.only ?? "load,batch,latency").split(","));
for (const p of parts) if (!["load", "batch", "latency"].includes(p)) throw new Error(`--only: unknown part ${p}`);
const resultName = `${values.db}${quick ? "-quick" : ""}${values.only ? `-${[...parts].join("-")}` : ""}${values["rate-limit"] ? "-limited" : ""}`;

async function freshDatabase(): Promise<string> {
  if (values.db === "postgresql") {
    const url = process.env.BENCH_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/cdp_bench";
    const cfg = pgConfig(url);
    const admin = new pg.Client({ ...cfg, database: "postgres" });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${cfg.database}" WITH (FORCE)`);
    await admin.end();
    return url;
  }
  const file = path.join(root, "data/bench.db");
  for (const s of ["", "-wal", "-shm"]) rmSync(file + s, { force: true });
  return `file:${file}`;
}

function databaseUrlOf(): string {
  if (values.db === "postgresql") return process.env.BENCH_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/cdp_bench";
  return `file:${path.join(root, "data/bench.db")}`;
}

async function main() {
  const seedFile = path.join(root, `bench/results/${values.db}${quick ? "-quick" : ""}-seed.json`);
  let url: string;
  let seed: { tenantId: number; hotCustomerId: number; appKey: string; secret: string; customers: number; events: number };
  if (values.reuse && existsSync(seedFile)) {
    url = databaseUrlOf();
    seed = JSON.parse(readFileSync(seedFile, "utf8"));
    console.log(`reusing ${url}`);
  } else {
    url = await freshDatabase();
    const scale = quick ? ["--customers", "10000", "--events", "100000", "--hot", "10000"] : [];
    const t0 = Date.now();
    const seedOut = execFileSync(path.join(root, "node_modules/.bin/tsx"), [path.join(root, "bench/seed-scale.ts"), ...scale], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: url, AUTH_SECRET: "bench-secret" },
    });
    seed = JSON.parse(seedOut.trim().split("\n").at(-1)!);
    mkdirSync(path.dirname(seedFile), { recursive: true });
    writeFileSync(seedFile, JSON.stringify(seed));
    console.log(`seeded ${seed.customers} customers / ${seed.events} events in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  }

  process.env.AUTH_SECRET = "bench-secret";
  const serverEnv = { CDP_RATE_LIMIT: values["rate-limit"] ? "on" : "off" };
  if (values["rate-limit"]) await raiseKeyLimit(url, seed.appKey);
  const server = await startServer(url, Number(values.port), serverEnv);
  const second = Number(values.processes) > 1 ? await startServer(url, Number(values.port) + 1, serverEnv) : undefined;
  const results: Record<string, unknown> = {
    db: values.db,
    rateLimit: values["rate-limit"] ? (process.env.REDIS_URL ? "redis" : values.db === "postgresql" ? "postgresql" : "memory") : "off",
    customers: seed.customers,
    events: seed.events,
    at: new Date().toISOString(),
    loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10),
  };
  let headers: Record<string, string> = {};
  try {
    const tokenRes = await fetch(`${server.url}/openapi/auth/token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ appKey: seed.appKey, secret: seed.secret }),
    });
    const token = (await tokenRes.json()).data.token as string;
    headers = { "content-type": "application/json", token };
    const warmUp = async () => {
      const res = await fetch(`${server.url}/openapi/customer-event/queryByCustomerId`, {
        method: "POST",
        headers,
        body: JSON.stringify({ customerId: 2, pageSize: 1 }),
      });
      return res.ok;
    };
    await warmUp();

    if (parts.has("load")) await loadPart();
    if (parts.has("batch")) await batchPart();
    if (parts.has("latency")) await latencyPart();
  } finally {
    await server.stop();
    await second?.stop();
  }
  mkdirSync(path.join(root, "bench/results"), { recursive: true });
  writeFileSync(path.join(root, `bench/results/${resultName}.json`), JSON.stringify(results, null, 2));
  console.log(JSON.stringify(results));

  /** The servers' CPU time per answered request during `run` (robust to the machine's load). */
  async function withCpu(servers: Server[], run: () => Promise<LoadResult>) {
    const cpu0 = servers.map((s) => s.cpuMs());
    const res = await run();
    const cpu = servers.reduce((sum, s, i) => sum + s.cpuMs() - cpu0[i], 0);
    return { ...res, serverCpuMsPerRequest: Math.round((cpu / Math.max(1, res.requests)) * 100) / 100 };
  }

  async function loadPart() {
    // 1. the framework's ceiling
    results.emptyRoute = await withCpu([server], () => load({ url: `${server.url}/api/health`, duration }));
    console.log("empty route", results.emptyRoute);

    const createBody = () =>
      JSON.stringify({
        customerId: 2 + Math.floor(Math.random() * (seed.customers - 1)),
        event: "page_view",
        eventName: "浏览页面",
        happenTime: "2026-11-20 10:00:00",
        attrValueList: [{ attrKey: "url", attrValue: "/bench", type: "text" }],
      });

    // 1b. Next's floor for a POST that parses the same body
    results.postFloor = await withCpu([server], () =>
      load({
        url: `${server.url}/api/bench/parse`,
        duration,
        requests: [{ method: "POST", headers, setupRequest: (req) => ({ ...req, body: createBody() }) }],
      }),
    );
    console.log("post floor", results.postFloor);

    // 2. single creates, every acknowledgement counted
    let acked = 0;
    const createRequests: autocannon.Request[] = [
      {
        method: "POST",
        headers,
        setupRequest: (req) => ({ ...req, body: createBody() }),
        onResponse: (status: number, body: string) => {
          if (status === 200 && body.includes('"code":0')) acked++;
        },
      },
    ];
    const before = await storedEvents(url, seed.tenantId);
    results.create = await withCpu([server], () => load({ url: `${server.url}/openapi/customer-event/create`, duration, requests: createRequests }));
    const after = await storedEvents(url, seed.tenantId);
    results.createCheck = { acknowledged: acked, stored: after - before };
    console.log("create", results.create, results.createCheck);

    // 2b. the same 32 connections split across two processes on the database
    if (second) {
      acked = 0;
      const b2 = await storedEvents(url, seed.tenantId);
      const cpu0 = server.cpuMs() + second.cpuMs();
      const halves = await Promise.all(
        [server, second].map((s) => load({ url: `${s.url}/openapi/customer-event/create`, duration, connections: 16, requests: createRequests })),
      );
      const cpu = server.cpuMs() + second.cpuMs() - cpu0;
      const a2 = await storedEvents(url, seed.tenantId);
      results.createTwoProcesses = {
        rps: halves[0].rps + halves[1].rps,
        p50: Math.max(halves[0].p50, halves[1].p50),
        p99: Math.max(halves[0].p99, halves[1].p99),
        acknowledged: acked,
        stored: a2 - b2,
        errors: halves[0].errors + halves[1].errors,
        non2xx: halves[0].non2xx + halves[1].non2xx,
        serverCpuMsPerRequest: Math.round((cpu / Math.max(1, halves[0].requests + halves[1].requests)) * 100) / 100,
      };
      console.log("create, two processes", results.createTwoProcesses);
    }
  }

  async function batchPart() {
    // 3. batches of 1,000
    let batchedOk = 0;
    const batchDuration = Number(values["batch-duration"] ?? (quick ? 5 : 20));
    // 3a. the batch floor: the same bodies posted to a route that only parses them (no validation,
    // no database): the most batches Next and this load generator can pass on these cores
    const floor = await withCpu([server], () =>
      load({
        url: `${server.url}/api/bench/parse`,
        connections: Number(values["batch-connections"]),
        duration: batchDuration,
        requests: [{ method: "POST", headers, setupRequest: (req) => ({ ...req, body: batchBody(seed.customers) }) }],
      }),
    );
    results.batchFloor = { ...floor, eventsPerSecond: Math.round((floor.requests * 1000) / batchDuration), serverCpuMsPer1000: floor.serverCpuMsPerRequest };
    console.log("batch floor", results.batchFloor);

    const b0 = await storedEvents(url, seed.tenantId);
    // CPU the work costs, beside the rate: on a machine shared with other work the rate says how
    // much of the cores this run got, the CPU time per 1,000 events what the code needs
    const cpu0 = { server: server.cpuMs(), db: values.db === "postgresql" ? await pgBackendsCpuMs(url) : 0 };
    const batch = await load({
      url: `${server.url}/openapi/customer-event/batchCreate`,
      connections: Number(values["batch-connections"]),
      duration: batchDuration,
      requests: [
        {
          method: "POST",
          headers,
          setupRequest: (req) => ({ ...req, body: batchBody(seed.customers) }),
          onResponse: (status, body) => {
            if (status === 200) batchedOk += (body.match(/"ok":true/g) ?? []).length;
          },
        },
      ],
    });
    const cpu1 = { server: server.cpuMs(), db: values.db === "postgresql" ? await pgBackendsCpuMs(url) : 0 };
    const b1 = await storedEvents(url, seed.tenantId);
    const perThousand = (ms: number) => Math.round((ms / Math.max(1, b1 - b0)) * 1000);
    results.batchCreate = {
      ...batch,
      loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10),
      eventsAcknowledged: batchedOk,
      eventsStored: b1 - b0,
      eventsPerSecond: Math.round((b1 - b0) / batchDuration),
      serverCpuMsPer1000: perThousand(cpu1.server - cpu0.server),
      ...(values.db === "postgresql" ? { postgresCpuMsPer1000: perThousand(cpu1.db - cpu0.db) } : {}),
    };
    console.log("batchCreate", results.batchCreate);
  }

  async function latencyPart() {
    // Sequential calls, each with the server's CPU time per call (its process group, from /proc):
    // on a loaded machine the latency includes waiting for a core, the CPU time much less so.
    const timed = async (n: number, send: () => Promise<Response>) => {
      const cpu0 = server.cpuMs();
      const res = await latencies(n, send);
      return { ...res, serverCpuMsPerCall: Math.round(((server.cpuMs() - cpu0) / n) * 10) / 10 };
    };
    // 4a. the floors of a sequential call on the same server: the framework alone, and an
    // authenticated read that costs one indexed query (the five stages)
    results.sequentialFloor = await timed(quick ? 50 : 300, () => fetch(`${server.url}/api/health`));
    results.sequentialAuthed = await timed(quick ? 50 : 300, () => fetch(`${server.url}/openapi/stage/queryList`, { headers }));
    console.log("sequential floor", results.sequentialFloor, "authenticated", results.sequentialAuthed);

    // 4. one customer's 10,000 events among 1,000,000 (its first page of 100, and the count)
    results.queryByCustomerId = await timed(quick ? 50 : 300, () =>
      fetch(`${server.url}/openapi/customer-event/queryByCustomerId`, {
        method: "POST",
        headers,
        body: JSON.stringify({ customerId: seed.hotCustomerId }),
      }),
    );
    console.log("queryByCustomerId", results.queryByCustomerId);

    // 5. a deep page of the customer list
    const page = quick ? 50 : 500;
    results.listCustomers = {
      page,
      ...(await timed(quick ? 20 : 100, () => fetch(`${server.url}/openapi/customers/list_customers?page=${page}&${sign(seed.appKey, seed.secret)}`))),
    };
    console.log("list_customers", results.listCustomers);
    results.loadAverageAfter = os.loadavg().map((l) => Math.round(l * 10) / 10);
  }
}

/** The seed key's limit out of reach: with --rate-limit every request consults the store, none is refused. */
async function raiseKeyLimit(url: string, appKey: string): Promise<void> {
  const { createDb } = await import("../lib/db/client");
  const db = createDb(url);
  try {
    await db.apiKey.updateMany({ where: { appKey }, data: { ratePerSecond: 10_000, burst: 100_000 } });
  } finally {
    await db.$disconnect();
  }
}

async function storedEvents(url: string, tenantId: number): Promise<number> {
  const { createDb } = await import("../lib/db/client");
  const db = createDb(url);
  try {
    return await db.customerEvent.count({ where: { tenantId } });
  } finally {
    await db.$disconnect();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
