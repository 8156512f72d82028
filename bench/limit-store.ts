// What a per-key rate limit costs a request in each store, in process (no HTTP):
//   DATABASE_URL=postgresql://…/db REDIS_URL=redis://127.0.0.1:6379 npx tsx bench/limit-store.ts [--seconds 5]
// For memory, the PostgreSQL table (DATABASE_URL) and Redis (REDIS_URL): sequential consumes
// (latency p50/p95) and 32 concurrent callers (consumes per second), each on keys of its own with a
// limit out of reach, as `consumeRateLimit` runs on every API request.
import { parseArgs } from "node:util";
import os from "node:os";
import { percentile } from "./harness";

const { values } = parseArgs({ options: { seconds: { type: "string", default: "5" } } });
const seconds = Number(values.seconds);

async function main() {
  const { consumeRateLimit } = await import("../lib/http/rate-limit");
  const { closeLimitStores, limitStore } = await import("../lib/http/limit-store");
  process.env.CDP_RATE_LIMIT = "on";
  const redisUrl = process.env.REDIS_URL;
  const pgUrl = process.env.DATABASE_URL;
  const out: Record<string, unknown> = { loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10) };
  const stores: [string, Record<string, string | undefined>][] = [
    ["memory", { REDIS_URL: undefined, DATABASE_URL: "file:./data/limit-bench.db" }],
    ["postgresql", { REDIS_URL: undefined, DATABASE_URL: pgUrl }],
    ["redis", { REDIS_URL: redisUrl, DATABASE_URL: pgUrl }],
  ];
  for (const [name, env] of stores) {
    if (name === "postgresql" && !pgUrl?.startsWith("postgres")) continue;
    if (name === "redis" && !redisUrl) continue;
    for (const [k, v] of Object.entries(env)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    await closeLimitStores();
    const run = `${name}-${Date.now()}`;
    await consumeRateLimit(`bench:${run}:warm`, 10_000, 100_000);
    if (limitStore() !== name) throw new Error(`expected the ${name} store, got ${limitStore()}`);
    const times: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const t0 = performance.now();
      await consumeRateLimit(`bench:${run}:seq`, 10_000, 100_000);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    let done = 0;
    const end = Date.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: 32 }, async (_, c) => {
        while (Date.now() < end) {
          await consumeRateLimit(`bench:${run}:c${c}`, 10_000, 100_000);
          done++;
        }
      }),
    );
    const r = (x: number) => Math.round(x * 100) / 100;
    out[name] = { p50Ms: r(percentile(times, 50)), p95Ms: r(percentile(times, 95)), concurrent32PerSecond: Math.round(done / seconds) };
    console.log(name, out[name]);
  }
  await closeLimitStores();
  console.log(JSON.stringify(out));
  process.exit(0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
