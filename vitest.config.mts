import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Every test file gets a fresh database of its own, made from a migrated template: SQLite always,
// and PostgreSQL as a second project when TEST_DATABASE_URL is set (CI sets it).
const shared = {
  environment: "node" as const,
  include: ["lib/**/*.test.ts", "scripts/**/*.test.ts"],
  setupFiles: ["lib/test/setup.ts"],
  globalSetup: ["lib/test/global-setup.ts"],
  testTimeout: 20_000,
  hookTimeout: 60_000,
};

const projects = [
  { extends: true as const, test: { ...shared, name: "sqlite", env: { CDP_TEST_PROVIDER: "sqlite" } } },
];
if (process.env.TEST_DATABASE_URL) {
  projects.push({ extends: true as const, test: { ...shared, name: "postgres", env: { CDP_TEST_PROVIDER: "postgresql" } } });
}

export default defineConfig({
  resolve: { alias: { "@": path.dirname(fileURLToPath(import.meta.url)) } },
  test: {
    env: { AUTH_SECRET: "test-secret-not-for-production", TZ: "UTC" },
    projects,
  },
});
