// `npm run db:seed` seeds the demo tenant; with --if-empty (used by `npm start`) only into an empty
// database. Either way it prints the demo sign-ins.
import { serverSecret } from "../lib/access/secret";
import { db } from "../lib/db/client";
import { migrate } from "../lib/db/migrate";
import { DEMO_USERS, seedDemo } from "../lib/demo/seed";

async function main() {
  serverSecret();
  await migrate();
  const onlyIfEmpty = process.argv.includes("--if-empty");
  const hasTenants = (await db.tenant.count()) > 0;
  const demo = await db.tenant.findUnique({ where: { slug: "demo" } });
  if (!demo && (!onlyIfEmpty || !hasTenants)) {
    const started = Date.now();
    const key = await seedDemo();
    const counts = Object.entries(key.counts).map(([k, n]) => `${n} ${k}`).join(", ");
    console.log(`[seed] demo tenant created in ${((Date.now() - started) / 1000).toFixed(1)} s: ${counts}`);
    console.log(`[seed] demo API key (shown once): appKey=${key.appKey} secret=${key.secret}`);
  }
  if (await db.tenant.findUnique({ where: { slug: "demo" } })) {
    console.log("[seed] demo sign-ins:");
    for (const u of DEMO_USERS) console.log(`         ${u.role.padEnd(8)} ${u.email} / ${u.password}`);
  }
}

main()
  .then(() => db.$disconnect())
  .catch(async (err) => {
    console.error("[seed]", err);
    await db.$disconnect();
    process.exit(1);
  });
