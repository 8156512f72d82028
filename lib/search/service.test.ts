import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/audit/audit";
import { createCustomer } from "@/lib/customers/service";
import { db } from "@/lib/db/client";
import { makeTenant } from "@/lib/test/factories";
import { searchConsole } from "./service";

const author = { actor: SYSTEM_ACTOR, loginNo: null, name: "test" };

describe("palette search", () => {
  it("finds the tenant's customers by name or phone and event types by key, never another tenant's", async () => {
    const mine = await makeTenant();
    const other = await makeTenant();
    await createCustomer(mine.id, author, { name: "张三", phones: [{ id: null, number: "+8613912345678" }] });
    await createCustomer(other.id, author, { name: "张三 别家", phones: [{ id: null, number: "+8613912345679" }] });
    await db.eventType.create({ data: { tenantId: mine.id, eventKey: "order_paid", name: "订单支付" } });
    await db.eventType.create({ data: { tenantId: other.id, eventKey: "order_paid", name: "别家订单" } });

    const byPhone = await searchConsole(mine.id, "1391234");
    expect(byPhone.customers).toEqual([{ id: expect.any(Number), name: "张三", phone: "+8613912345678" }]);
    expect((await searchConsole(mine.id, "张三")).customers.map((c) => c.name)).toEqual(["张三"]);
    const byKey = await searchConsole(mine.id, "order");
    expect(byKey.eventTypes.map((e) => [e.eventKey, e.name])).toEqual([["order_paid", "订单支付"]]);
    expect(byKey.customers).toEqual([]);
  });
});
