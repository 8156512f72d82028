import type { Prisma } from "@/generated/sqlite/client";
import { db, type DbOrTx } from "@/lib/db/client";
import { idsContaining, literalLike } from "@/lib/db/sql";
import { loadCustomerDetails } from "./details";
import { normalizePhone } from "./identity";
import {
  customerRowSelect,
  type CustomerDetail,
  type CustomerRowData,
} from "./repository";
import type { CustomerListQuery, CustomerSort } from "./schemas";

/** What a customer list may be narrowed by; every filter is an equality on an indexed column. */
export interface CustomerFilter {
  /** name contains, or a phone contains (when it looks like a phone number) */
  q?: string;
  taskId?: number;
  /** null: customers without an owner */
  ownerId?: number | null;
  ownerLoginNo?: string;
  typeId?: number;
  dealFlagId?: number;
  sourceId?: number;
  stageId?: number;
  labelId?: number;
  departmentId?: number;
  /** members of this group */
  groupId?: number;
}

/** Above this many phone matches, the phone search runs as a correlated subquery instead. */
const PHONE_MATCH_LIMIT = 2000;

/**
 * The filter as a where clause. A phone search first looks the numbers up in the phone table
 * (one scan of its (tenantId, number) index) and filters customers by id, which is several
 * times faster than Prisma's per-customer subquery on large tenants.
 */
export async function customerWhere(tenantId: number, f: CustomerFilter, tx: DbOrTx = db): Promise<Prisma.CustomerWhereInput> {
  const where: Prisma.CustomerWhereInput = { tenantId, deletedAt: null };
  if (f.taskId !== undefined) where.taskId = f.taskId;
  if (f.ownerId !== undefined) where.ownerId = f.ownerId;
  if (f.ownerLoginNo !== undefined) where.owner = { loginNo: f.ownerLoginNo };
  if (f.typeId !== undefined) where.typeId = f.typeId;
  if (f.dealFlagId !== undefined) where.dealFlagId = f.dealFlagId;
  if (f.sourceId !== undefined) where.sourceId = f.sourceId;
  if (f.stageId !== undefined) where.stageId = f.stageId;
  if (f.departmentId !== undefined) where.departmentId = f.departmentId;
  if (f.labelId !== undefined) where.labels = { some: { labelId: f.labelId } };
  // an EXISTS on the (groupId, customerId) unique index
  if (f.groupId !== undefined) where.memberships = { some: { groupId: f.groupId } };
  const q = f.q?.trim();
  if (q) {
    const phone = normalizePhone(q);
    // `%` and `_` in the search are literal characters, never wildcards
    const literal = literalLike(q);
    const or: Prisma.CustomerWhereInput[] = [
      literal !== null ? { name: { contains: literal } } : { id: { in: await idsContaining(tx, "Customer", "name", tenantId, q) } },
    ];
    if (/^\+?\d{3,}$/.test(phone)) {
      const hits = await tx.customerPhone.findMany({
        where: { tenantId, number: { contains: phone } },
        select: { customerId: true },
        take: PHONE_MATCH_LIMIT + 1,
      });
      or.push(
        hits.length > PHONE_MATCH_LIMIT
          ? { phones: { some: { tenantId, number: { contains: phone } } } }
          : { id: { in: [...new Set(hits.map((h) => h.customerId))] } },
      );
    }
    where.OR = or;
  }
  return where;
}

export interface Paged<T> {
  items: T[];
  page: number;
  pageSize: number;
  /** matching customers (at most `cap` when the list is capped) */
  total: number;
  totalPages: number;
}

function orderBy(sort: CustomerSort, order: "asc" | "desc"): Prisma.CustomerOrderByWithRelationInput[] {
  // createdAt follows id (both grow with each insert), so the id index serves it.
  if (sort === "createdAt") return [{ id: order }];
  return [{ [sort]: order }, { id: order }];
}

/**
 * The console's table: offset paging over an index (tenantId, deletedAt, id | sort column) and a
 * count over the same filter. Sorting by createdAt uses the id order.
 */
export async function listCustomerRows(tenantId: number, query: CustomerListQuery, tx: DbOrTx = db): Promise<Paged<CustomerRowData>> {
  const where = await customerWhere(tenantId, query, tx);
  const [total, items] = await Promise.all([
    tx.customer.count({ where }),
    tx.customer.findMany({
      where,
      select: customerRowSelect,
      orderBy: orderBy(query.sort, query.order),
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
  ]);
  return { items, page: query.page, pageSize: query.pageSize, total, totalPages: Math.ceil(total / query.pageSize) };
}

/**
 * A page of full profiles, newest first, of at most `cap` customers in all: the count stops at
 * `cap` (a LIMITed count), so it stays cheap on large tenants. The caller checks `page` against
 * the capped number of pages. A deferred join: the page's ids come from the (tenantId, deletedAt, id)
 * index alone (a deep OFFSET steps over index entries, not over rows), then only those customers'
 * profiles are read (details.ts).
 */
export async function listCustomerDetails(
  tenantId: number,
  filter: CustomerFilter,
  page: number,
  pageSize: number,
  cap: number,
  tx?: DbOrTx,
): Promise<Paged<CustomerDetail>> {
  const where = await customerWhere(tenantId, filter, tx);
  const skip = (page - 1) * pageSize;
  const take = Math.max(0, Math.min(pageSize, cap - skip));
  const [total, ids] = await Promise.all([
    (tx ?? db).customer.count({ where, take: cap }),
    take ? (tx ?? db).customer.findMany({ where, select: { id: true }, orderBy: { id: "desc" }, skip, take }) : [],
  ]);
  const items = await loadCustomerDetails(tenantId, ids.map((r) => r.id), tx);
  return { items, page, pageSize, total, totalPages: Math.ceil(total / pageSize) };
}
