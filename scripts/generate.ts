// Derives the PostgreSQL schema and generates both Prisma clients (run by `npm install`).
import { writeFileSync, readFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { derivePostgresSchema } from "./derive-schemas";
import { prisma, root } from "./prisma-cli";

mkdirSync(path.join(root, "prisma/postgres"), { recursive: true });
writeFileSync(
  path.join(root, "prisma/postgres/schema.prisma"),
  derivePostgresSchema(readFileSync(path.join(root, "prisma/schema.prisma"), "utf8")),
);
prisma("sqlite", ["generate"]);
prisma("postgresql", ["generate"]);
