import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { SYSTEM_ACTOR } from "@/lib/audit/audit";
import { makeTenant } from "@/lib/test/factories";
import { customerCsvStream, customerExportPages, defuse, EXPORT_COLUMNS } from "./export";
import { createCustomer } from "./service";

const author = { actor: SYSTEM_ACTOR, loginNo: null, name: "test" };

async function seed(n: number) {
  const tenant = await makeTenant();
  for (let i = 0; i < n; i++) {
    await createCustomer(tenant.id, author, {
      name: `客户 ${String(i).padStart(2, "0")}`,
      phones: [{ id: null, number: `139000000${String(i).padStart(2, "0")}` }],
      score: i % 5,
      labels: i % 2 === 0 ? ["偶数"] : [],
    });
  }
  return tenant;
}

async function readAll(stream: ReadableStream<Uint8Array>) {
  // decoded keeping the BOM (Response.text() would drop it)
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
}

describe("customer export", () => {
  it("pages by keyset through the whole filtered view in the list's order, without repeats", async () => {
    const tenant = await seed(23);
    const label = await db.label.findFirstOrThrow({ where: { tenantId: tenant.id, name: "偶数" } });
    const pages: number[][] = [];
    for await (const page of customerExportPages(tenant.id, { sort: "score", order: "desc", labelId: label.id }, { pageSize: 5 })) {
      pages.push(page.map((c) => c.id));
    }
    expect(pages.map((p) => p.length)).toEqual([5, 5, 2]);
    const ids = pages.flat();
    expect(new Set(ids).size).toBe(12);
    const rows = await db.customer.findMany({ where: { id: { in: ids } }, select: { id: true, score: true } });
    const score = new Map(rows.map((r) => [r.id, r.score]));
    const scores = ids.map((id) => score.get(id)!);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("stops at the row cap", async () => {
    const tenant = await seed(12);
    let n = 0;
    for await (const page of customerExportPages(tenant.id, { sort: "createdAt", order: "desc" }, { pageSize: 5, max: 7 })) n += page.length;
    expect(n).toBe(7);
  });

  it("streams CSV with a BOM, the given header and one line per customer", async () => {
    const tenant = await seed(3);
    const text = await readAll(customerCsvStream(tenant.id, { sort: "name", order: "asc" }, [...EXPORT_COLUMNS], { pageSize: 2 }));
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const parsed = Papa.parse<string[]>(text.slice(1).trim());
    expect(parsed.data[0]).toEqual([...EXPORT_COLUMNS]);
    expect(parsed.data.slice(1).map((r) => r[1])).toEqual(["客户 00", "客户 01", "客户 02"]);
    expect(parsed.data[1][2]).toBe("13900000000");
  });

  it("defuses cells a spreadsheet would run, but not phone numbers", () => {
    expect(defuse("=1+1")).toBe("'=1+1");
    expect(defuse("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(defuse("+8613800138000")).toBe("+8613800138000");
    expect(defuse("-5")).toBe("-5");
  });
});
