import type { Prisma } from "@/generated/sqlite/client";
import { sql } from "kysely";
import { db, type DbOrTx } from "@/lib/db/client";
import { asDbOrTx, driver } from "@/lib/db/driver";
import { queryBuilder, runQuery, toNumber } from "@/lib/db/kysely";
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
 * The filter as SQL over `Customer as c` (Kysely, compiled in JavaScript: no Prisma query compiler on
 * the API's hot read). The same customers as `customerWhere`: details.test.ts compares the two on
 * every filter. Text search is a literal `LIKE … ESCAPE '\\'` (each engine's case rules, as Prisma's
 * `contains`); a phone search is a semi-join on the tenant's phone numbers.
 */
function customerFilterQuery(tenantId: number, f: CustomerFilter) {
  let qb = queryBuilder().selectFrom("Customer as c").where("c.tenantId", "=", tenantId).where("c.deletedAt", "is", null);
  const equal = { taskId: f.taskId, typeId: f.typeId, dealFlagId: f.dealFlagId, sourceId: f.sourceId, stageId: f.stageId, departmentId: f.departmentId };
  for (const [column, value] of Object.entries(equal) as [keyof typeof equal, number | undefined][]) {
    if (value !== undefined) qb = qb.where(`c.${column}`, "=", value);
  }
  if (f.ownerId !== undefined) qb = f.ownerId === null ? qb.where("c.ownerId", "is", null) : qb.where("c.ownerId", "=", f.ownerId);
  const { ownerLoginNo, labelId, groupId } = f;
  if (ownerLoginNo !== undefined) {
    qb = qb.where((eb) =>
      eb.exists(eb.selectFrom("User as u").select("u.id").whereRef("u.id", "=", "c.ownerId").where("u.loginNo", "=", ownerLoginNo)),
    );
  }
  if (labelId !== undefined) {
    qb = qb.where((eb) =>
      eb.exists(eb.selectFrom("CustomerLabel as cl").select("cl.labelId").whereRef("cl.customerId", "=", "c.id").where("cl.labelId", "=", labelId)),
    );
  }
  if (groupId !== undefined) {
    qb = qb.where((eb) =>
      eb.exists(eb.selectFrom("GroupMember as gm").select("gm.id").whereRef("gm.customerId", "=", "c.id").where("gm.groupId", "=", groupId)),
    );
  }
  const q = f.q?.trim();
  if (q) {
    const phone = normalizePhone(q);
    const contains = (text: string) => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    qb = qb.where((eb) => {
      const byName = sql<boolean>`${sql.ref("c.name")} LIKE ${contains(q)} ESCAPE '\\'`;
      if (!/^\+?\d{3,}$/.test(phone)) return byName;
      const phones = eb
        .selectFrom("CustomerPhone as p")
        .select("p.customerId")
        .where("p.tenantId", "=", tenantId)
        .where(sql<boolean>`${sql.ref("p.number")} LIKE ${contains(phone)} ESCAPE '\\'`);
      return eb.or([byName, eb("c.id", "in", phones)]);
    });
  }
  return qb;
}

/**
 * A page of full profiles, newest first, of at most `cap` customers in all: the count stops at
 * `cap` (a LIMITed count), so it stays cheap on large tenants. The caller checks `page` against
 * the capped number of pages. A deferred join: the page's ids come from the (tenantId, deletedAt, id)
 * index alone (a deep OFFSET steps over index entries, not over rows), then only those customers'
 * profiles are read (details.ts). Plain statements on the driver (or in `tx`).
 */
export async function listCustomerDetails(
  tenantId: number,
  filter: CustomerFilter,
  page: number,
  pageSize: number,
  cap: number,
  tx?: DbOrTx,
): Promise<Paged<CustomerDetail>> {
  const run = tx ?? asDbOrTx(await driver());
  const matching = customerFilterQuery(tenantId, filter);
  const skip = (page - 1) * pageSize;
  const take = Math.max(0, Math.min(pageSize, cap - skip));
  // Ordered by the whole (tenantId, deletedAt, id) index, whose first two columns are constant here:
  // the same order as by id, but PostgreSQL then walks that index alone (an index-only scan) instead
  // of the primary key and the rows behind it, or a scan of the table for the count.
  const byIndex = (direction: "asc" | "desc") =>
    matching.select("c.id").orderBy("c.tenantId", direction).orderBy("c.deletedAt", direction).orderBy("c.id", direction);
  const counted = queryBuilder()
    .selectFrom(byIndex("asc").limit(cap).as("m"))
    .select((eb) => eb.fn.countAll().as("n"))
    .compile();
  const paged = byIndex("desc").limit(take).offset(skip).compile();
  const [[count], ids] = await Promise.all([runQuery(counted, run), take ? runQuery(paged, run) : []]);
  const total = toNumber(count?.n);
  const items = await loadCustomerDetails(tenantId, ids.map((r) => Number(r.id)), tx);
  return { items, page, pageSize, total, totalPages: Math.ceil(total / pageSize) };
}
