// Prisma CLI configuration. The CLI runs on the WebAssembly schema engine shipped on npm (`engine: "js"`)
// with a driver adapter, because the native engine would be downloaded from outside at run time.
// PRISMA_SCHEMA selects the schema: prisma/schema.prisma (SQLite, default) or the derived
// prisma/postgres/schema.prisma. Migrations are produced by scripts/new-migration.ts and applied by
// scripts/migrate.ts (see docs/database.md), not by `prisma migrate`.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: process.env.PRISMA_SCHEMA ?? path.join("prisma", "schema.prisma"),
  async adapter() {
    return new PrismaBetterSQLite3({ url: "file::memory:" });
  },
});
