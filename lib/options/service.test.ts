import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/audit/audit";
import { db } from "@/lib/db/client";
import { makeTenant } from "@/lib/test/factories";
import { createOption, deleteOption, listOptionLists, updateOption } from "./service";

describe("option rename and removal", () => {
  it("renames and recodes an option, refusing a name or code its list already has", async () => {
    const t = await makeTenant();
    const fair = await createOption(t.id, { list: "custFrom", name: "展会" }, SYSTEM_ACTOR);
    expect(await updateOption(t.id, fair.id, { name: "行业展会", value: "F1" }, SYSTEM_ACTOR)).toMatchObject({ name: "行业展会", value: "F1", list: "custFrom" });
    await expect(updateOption(t.id, fair.id, { name: "天猫" }, SYSTEM_ACTOR)).rejects.toMatchObject({ kind: "conflict" });
    await expect(updateOption(t.id, fair.id, { value: "0" }, SYSTEM_ACTOR)).rejects.toMatchObject({ kind: "conflict" });
    // the same name in another list is no clash
    const signed = (await listOptionLists(t.id)).custType.find((o) => o.name === "签约客户")!;
    expect(await updateOption(t.id, signed.id, { name: "行业展会" }, SYSTEM_ACTOR)).toMatchObject({ name: "行业展会", list: "custType" });
  });

  it("removes an unused option, refuses one a customer holds, and never touches another tenant's", async () => {
    const t = await makeTenant();
    const other = await makeTenant();
    const lists = await listOptionLists(t.id);
    const unused = lists.dealFlag.find((o) => o.name === "不需要")!;
    const held = lists.custFrom.find((o) => o.name === "京东")!;
    await db.customer.create({ data: { tenantId: t.id, name: "张三", sourceId: held.id } });

    await expect(deleteOption(other.id, unused.id, SYSTEM_ACTOR)).rejects.toMatchObject({ kind: "not_found" });
    await expect(deleteOption(t.id, held.id, SYSTEM_ACTOR)).rejects.toMatchObject({ kind: "conflict", message: '"京东" is held by 1 customer(s)' });
    await deleteOption(t.id, unused.id, SYSTEM_ACTOR);
    const after = await listOptionLists(t.id);
    expect(after.dealFlag.map((o) => o.name)).not.toContain("不需要");
    expect(after.custFrom.map((o) => o.name)).toContain("京东");
  });
});
