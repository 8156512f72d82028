/**
 * A second process for the concurrency test (lib/groups/service.test.ts): it connects to the
 * database in DATABASE_URL, prints "ready", waits for "go" on stdin, then adds each customer of
 * CUSTOMER_IDS to GROUP_ID one call at a time and prints a JSON line of what happened.
 */
import { createDb, setDb } from "@/lib/db/client";
import { addMember } from "@/lib/groups/service";

async function main() {
  const tenantId = Number(process.env.TENANT_ID);
  const groupId = Number(process.env.GROUP_ID);
  const customerIds = String(process.env.CUSTOMER_IDS).split(",").map(Number);
  const db = createDb(process.env.DATABASE_URL);
  setDb(db);
  await db.$queryRawUnsafe("SELECT 1");
  process.stdout.write("ready\n");
  await new Promise<void>((resolve) => process.stdin.once("data", () => resolve()));
  const errors: string[] = [];
  const ids: number[] = [];
  for (const customerId of customerIds) {
    try {
      ids.push(Number((await addMember(tenantId, groupId, customerId)).member.id));
    } catch (err) {
      errors.push(String(err));
    }
  }
  process.stdout.write(JSON.stringify({ ids, errors }) + "\n");
  await db.$disconnect();
  process.exit(0);
}

main().catch((err) => {
  process.stdout.write(JSON.stringify({ ids: [], errors: [String(err)] }) + "\n");
  process.exit(1);
});
