// `npm run db:migration -- <name>`: writes the SQL that takes each provider's database from the
// schema of the last migration to the current prisma/schema.prisma, as a new migration folder per
// provider. Each folder keeps a snapshot of the source schema it brings the database to.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { derivePostgresSchema } from "./derive-schemas";
import { prisma, root } from "./prisma-cli";
import type { Provider } from "../lib/db/config";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- <snake_case_name>");
  process.exit(2);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const current = readFileSync(path.join(root, "prisma/schema.prisma"), "utf8");
const tmp = mkdtempSync(path.join(os.tmpdir(), "cdp-migration-"));

for (const provider of ["sqlite", "postgresql"] as Provider[]) {
  const dir = path.join(root, "prisma/migrations", provider);
  mkdirSync(dir, { recursive: true });
  const last = readdirSync(dir).sort().at(-1);
  const asProvider = (s: string) => (provider === "sqlite" ? s : derivePostgresSchema(s));
  const to = path.join(tmp, `${provider}-to.prisma`);
  writeFileSync(to, asProvider(current));
  const args = ["migrate", "diff", "--to-schema-datamodel", to, "--script"];
  if (last && existsSync(path.join(dir, last, "schema.prisma"))) {
    const from = path.join(tmp, `${provider}-from.prisma`);
    writeFileSync(from, asProvider(readFileSync(path.join(dir, last, "schema.prisma"), "utf8")));
    args.push("--from-schema-datamodel", from);
  } else {
    args.push("--from-empty");
  }
  const sql = prisma(provider, args);
  if (/^-- This is an empty migration\.\s*$/m.test(sql) || sql.trim() === "") {
    console.log(`${provider}: no change`);
    continue;
  }
  const out = path.join(dir, `${stamp}_${name}`);
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, "migration.sql"), sql);
  writeFileSync(path.join(out, "schema.prisma"), current);
  console.log(`${provider}: wrote ${path.relative(root, out)}/migration.sql`);
}
