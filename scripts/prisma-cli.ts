// Runs the Prisma CLI for one provider with the environment it needs offline (see prisma.config.ts).
import { execFileSync } from "node:child_process";
import path from "node:path";
import type { Provider } from "../lib/db/config";

export const root = path.resolve(__dirname, "..");

export const schemaFile: Record<Provider, string> = {
  sqlite: "prisma/schema.prisma",
  postgresql: "prisma/postgres/schema.prisma",
};

const placeholderUrl: Record<Provider, string> = {
  sqlite: "file:./data/placeholder.db",
  postgresql: "postgresql://postgres@127.0.0.1:5432/postgres",
};

export function prisma(provider: Provider, args: string[]): string {
  return execFileSync(path.join(root, "node_modules/.bin/prisma"), args, {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    env: {
      ...process.env,
      PRISMA_SCHEMA: schemaFile[provider],
      DATABASE_URL: placeholderUrl[provider],
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
    },
  });
}
