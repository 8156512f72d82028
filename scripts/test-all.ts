// `npm test`: every test. Vitest (services and dialect mapping) on SQLite, and on PostgreSQL when
// TEST_DATABASE_URL is set; then Playwright (`api` and `console`) against the production build on
// SQLite, and the `api` project again on PostgreSQL (with rate limits in the machine's Redis) when
// TEST_DATABASE_URL is set.
// Ends with one plain line: "tests: N passed, N failed".
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { buildIfStale } from "./build-if-stale";

const root = path.resolve(__dirname, "..");
const out = path.join(root, "test-results");
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

let passed = 0;
let failed = 0;
let ok = true;
const bin = (name: string) => path.join(root, "node_modules/.bin", name);

function run(label: string, cmd: string, args: string[], env: Record<string, string> = {}) {
  console.log(`\n━━ ${label}`);
  const started = Date.now();
  const res = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  console.log(`━━ ${label}: exit ${res.status} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (res.status !== 0) ok = false;
}

function countVitest(file: string) {
  if (!existsSync(file)) return;
  const r = JSON.parse(readFileSync(file, "utf8"));
  passed += r.numPassedTests ?? 0;
  failed += (r.numFailedTests ?? 0) + (r.numTotalTestSuites && r.success === false && !r.numFailedTests ? 1 : 0);
}

function countPlaywright(file: string) {
  if (!existsSync(file)) return;
  const r = JSON.parse(readFileSync(file, "utf8"));
  passed += (r.stats?.expected ?? 0) + (r.stats?.flaky ?? 0);
  failed += (r.stats?.unexpected ?? 0);
}

const pgUrl = process.env.TEST_DATABASE_URL;
const vitestJson = path.join(out, "vitest.json");
run("vitest" + (pgUrl ? " (SQLite + PostgreSQL)" : " (SQLite)"), bin("vitest"), [
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${vitestJson}`,
]);
countVitest(vitestJson);

if (!buildIfStale((m) => console.log(`━━ ${m}`))) {
  ok = false;
  failed += 1;
} else {
  const pwSqlite = path.join(out, "playwright-sqlite.json");
  run("playwright api + console (SQLite)", bin("playwright"), ["test", "--reporter=list,json"], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: pwSqlite,
    E2E_DATABASE_URL: "file:./data/e2e.db",
  });
  countPlaywright(pwSqlite);

  if (pgUrl) {
    const u = new URL(pgUrl);
    u.pathname = "/cdp_e2e";
    const pwPg = path.join(out, "playwright-postgres.json");
    // as several instances would run: rate limits in Redis (e2e/api/instances.spec.ts starts a second server)
    run("playwright api (PostgreSQL, Redis)", bin("playwright"), ["test", "--project=api", "--reporter=list,json"], {
      PLAYWRIGHT_JSON_OUTPUT_NAME: pwPg,
      E2E_DATABASE_URL: u.toString(),
      E2E_PORT: "3201",
      REDIS_URL: process.env.REDIS_URL || "redis://127.0.0.1:6379",
    });
    countPlaywright(pwPg);
  }
}

console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(ok && failed === 0 ? 0 : 1);
