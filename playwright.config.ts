import { defineConfig, devices } from "@playwright/test";

// The e2e server runs the production build on its own database (SQLite by default; the test runner
// sets E2E_DATABASE_URL to a PostgreSQL database for the second `api` pass). The fixtures create
// tenants, users and API keys with the CLI against the same database and server secret.
const port = Number(process.env.E2E_PORT ?? 3200);
process.env.E2E_DATABASE_URL ??= "file:./data/e2e.db";
process.env.E2E_AUTH_SECRET ??= "e2e-secret-not-for-production";
process.env.E2E_BASE_URL = `http://127.0.0.1:${port}`;

const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-gpu",
      "--disable-quic",
    ],
  },
};

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  // one at a time: on two cores the server, Chromium and the runner already fill both, and two
  // workers took the SQLite pass 654 s against 555 s for one (same machine, same day)
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: { baseURL: process.env.E2E_BASE_URL, trace: "retain-on-failure" },
  projects: [
    { name: "api", testDir: "e2e/api" },
    { name: "console", testDir: "e2e/console", use: chromium },
  ],
  webServer: {
    command: `npx tsx scripts/e2e-server.ts`,
    url: `${process.env.E2E_BASE_URL}/sign-in`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      E2E_PORT: String(port),
      E2E_DATABASE_URL: process.env.E2E_DATABASE_URL,
      E2E_AUTH_SECRET: process.env.E2E_AUTH_SECRET,
    },
  },
});
