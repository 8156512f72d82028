// `npm run db:migrate`: applies pending migrations to the database DATABASE_URL names.
import { migrate } from "../lib/db/migrate";
import { databaseUrl, providerOf } from "../lib/db/config";

migrate()
  .then((applied) => {
    const where = providerOf(databaseUrl());
    console.log(applied.length ? `${where}: applied ${applied.join(", ")}` : `${where}: up to date`);
  })
  .catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
