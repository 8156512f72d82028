import Papa from "papaparse";
import type { Prisma } from "@/generated/sqlite/client";
import { db, type DbOrTx } from "@/lib/db/client";
import { customerWhere } from "./list";
import { customerRowSelect, type CustomerRowData } from "./repository";
import type { CustomerListQuery } from "./schemas";

/**
 * CSV export of a filtered customer view. Rows come in keyset pages (sort column, then id) so a
 * large export never holds the whole set in memory and never pays for OFFSET; the stream stops at
 * `max` rows.
 */

export const EXPORT_MAX_ROWS = 100_000;
export const EXPORT_PAGE_SIZE = 1_000;

/** The exported columns, by their API names (the header is these names or their translation). */
export const EXPORT_COLUMNS = [
  "id",
  "name",
  "phones",
  "email",
  "companyName",
  "type",
  "dealFlag",
  "source",
  "stage",
  "ownerLoginNo",
  "department",
  "task",
  "score",
  "labels",
  "followNum",
  "lastFollowTime",
  "createdAt",
  "updatedAt",
] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];

type ExportQuery = Pick<CustomerListQuery, "sort" | "order"> & Omit<Partial<CustomerListQuery>, "page" | "pageSize">;

/** The next page after `last` in (sort column, id) order. */
function after(sort: CustomerListQuery["sort"], order: "asc" | "desc", last: CustomerRowData): Prisma.CustomerWhereInput {
  const cmp = order === "desc" ? "lt" : "gt";
  if (sort === "createdAt") return { id: { [cmp]: last.id } };
  const value = last[sort];
  return { OR: [{ [sort]: { [cmp]: value } }, { [sort]: value, id: { [cmp]: last.id } }] };
}

/** Pages of rows of the view, in the list's order, `pageSize` at a time, at most `max` in all. */
export async function* customerExportPages(
  tenantId: number,
  query: ExportQuery,
  { pageSize = EXPORT_PAGE_SIZE, max = EXPORT_MAX_ROWS }: { pageSize?: number; max?: number } = {},
  tx: DbOrTx = db,
): AsyncGenerator<CustomerRowData[]> {
  const where = await customerWhere(tenantId, query, tx);
  const orderBy: Prisma.CustomerOrderByWithRelationInput[] =
    query.sort === "createdAt" ? [{ id: query.order }] : [{ [query.sort]: query.order }, { id: query.order }];
  let last: CustomerRowData | undefined;
  let sent = 0;
  while (sent < max) {
    const rows = await tx.customer.findMany({
      where: last ? { AND: [where, after(query.sort, query.order, last)] } : where,
      select: customerRowSelect,
      orderBy,
      take: Math.min(pageSize, max - sent),
    });
    if (rows.length === 0) return;
    sent += rows.length;
    last = rows[rows.length - 1];
    yield rows;
    if (rows.length < pageSize) return;
  }
}

const iso = (d: Date | null) => (d ? d.toISOString() : "");

/** One row's cells, in EXPORT_COLUMNS order. Lists (phones, labels) are joined by "; ". */
export function exportCells(c: CustomerRowData): string[] {
  const cells: Record<ExportColumn, string> = {
    id: String(c.id),
    name: c.name,
    phones: c.phones.map((p) => p.number).join("; "),
    email: c.email ?? "",
    companyName: c.companyName ?? "",
    type: c.type?.name ?? "",
    dealFlag: c.dealFlag?.name ?? "",
    source: c.source?.name ?? "",
    stage: c.stage?.name ?? "",
    ownerLoginNo: c.owner?.loginNo ?? "",
    department: c.department?.name ?? "",
    task: c.task?.name ?? "",
    score: String(c.score),
    labels: c.labels.map((l) => l.label.name).join("; "),
    followNum: String(c.followNum),
    lastFollowTime: iso(c.lastFollowTime),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
  return EXPORT_COLUMNS.map((k) => defuse(cells[k]));
}

/**
 * A cell a spreadsheet would run as a formula (`=…`, `@…`, `-…`/`+…` not followed by a digit) gets
 * a leading apostrophe; phone numbers like `+86138…` stay as they are.
 */
export function defuse(cell: string): string {
  return /^[=@\t\r]|^[+-](?!\d)/.test(cell) ? `'${cell}` : cell;
}

export const csvLines = (rows: string[][]) => Papa.unparse(rows, { header: false, newline: "\r\n" }) + "\r\n";

/**
 * The view as a CSV byte stream: a UTF-8 BOM (Excel then reads Chinese correctly), the header,
 * then one chunk per page, fetched only when the reader asks for more.
 */
export function customerCsvStream(tenantId: number, query: ExportQuery, header: string[], opts?: { pageSize?: number; max?: number }) {
  const encoder = new TextEncoder();
  const pages = customerExportPages(tenantId, query, opts);
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode("\uFEFF" + csvLines([header])));
    },
    async pull(controller) {
      try {
        const next = await pages.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(csvLines(next.value.map(exportCells))));
      } catch (err) {
        controller.error(err);
      }
    },
    async cancel() {
      await pages.return(undefined);
    },
  });
}
