import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { sqlitePath } from "@/lib/db/config";
import { makeTenant } from "@/lib/test/factories";

/**
 * Another process (the CLI, a second server) writing to the same SQLite file while a transaction
 * of ours reads and then writes: the transaction must still commit (it holds the write lock from
 * its start), and the other writer waits its turn instead of breaking our snapshot.
 */
describe.runIf((process.env.CDP_TEST_PROVIDER ?? "sqlite") === "sqlite")("SQLite with a second writer", () => {
  it("a read-then-write transaction commits although another connection tried to write in between", async () => {
    const tenant = await makeTenant();
    const other = new Database(sqlitePath(process.env.DATABASE_URL!), { timeout: 0 });
    try {
      let otherWrite: "written" | "refused" = "written";
      const created = await db.$transaction(async (tx) => {
        const before = await tx.customer.count({ where: { tenantId: tenant.id } });
        try {
          other.prepare(`INSERT INTO "Customer" ("tenantId", "name", "createdAt", "updatedAt") VALUES (?, 'Other', ?, ?)`).run(
            tenant.id,
            Date.now(),
            Date.now(),
          );
        } catch (err) {
          expect(String(err)).toMatch(/locked|busy/i);
          otherWrite = "refused";
        }
        const customer = await tx.customer.create({ data: { tenantId: tenant.id, name: "Ours" } });
        return { before, customer };
      });
      expect(otherWrite).toBe("refused");
      expect(created.before).toBe(0);
      expect(await db.customer.findMany({ where: { tenantId: tenant.id }, select: { name: true } })).toEqual([{ name: "Ours" }]);
    } finally {
      other.close();
    }
  });
});
