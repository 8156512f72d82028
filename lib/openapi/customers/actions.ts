import type { ApiPrincipal } from "@/lib/access/api-keys";
import { authorOfApiKey } from "@/lib/customers/author";
import { loadCustomerDetails } from "@/lib/customers/details";
import { listCustomerDetails } from "@/lib/customers/list";
import { findCustomerIds, findOneCustomerId, type LookupType } from "@/lib/customers/lookup";
import { createCustomer, customerNotFound, deleteCustomer, updateCustomer } from "@/lib/customers/service";
import { listFeedPage } from "@/lib/feeds/service";
import { fail } from "@/lib/errors";
import { listOptionLists } from "@/lib/options/service";
import { listTasks } from "@/lib/tasks/service";
import { listUsers } from "@/lib/users/service";
import { wireFilter } from "./filters";
import { toWireCustomer, wireToChanges } from "./wire-customer";
import { toWireFeed } from "./wire-feeds";
import { WIRE_FEED_TYPES, type WireCustomer, type WireFeedType } from "./wire-schemas";

/**
 * The customers dialect's actions: each maps parsed wire input to the domain services and the
 * answer back to the seed's fields. Route files only wire these to withApiKey.
 */

type Caller = Pick<ApiPrincipal, "tenantId" | "tenantTimeZone" | "apiKeyId" | "apiKeyName">;

/** list_customers answers at most this many customers in all (the seed: 最多只能获取10000条数据). */
export const LIST_CAP = 10_000;
/** list_customers' page size (the seed gives none; feeds' default is 20). */
export const LIST_PAGE_SIZE = 20;

export async function filterCustomersAction(caller: Caller) {
  const [options, tasks, users] = await Promise.all([
    listOptionLists(caller.tenantId),
    listTasks(caller.tenantId),
    listUsers(caller.tenantId),
  ]);
  const pairs = (items: { name: string; value: string }[]) => items.map(({ name, value }) => ({ name, value }));
  return {
    result: {
      custFromList: pairs(options.custFrom),
      custTypeList: pairs(options.custType),
      dealFlagList: pairs(options.dealFlag),
      loginNoList: users.filter((u) => !u.disabledAt).map((u) => u.loginNo),
      taskList: tasks.map((t) => ({ name: t.name, value: t.id })),
    },
  };
}

export async function listCustomersAction(
  caller: Caller,
  q: { filters?: string; query?: string; operator?: string; page: number },
) {
  const maxPage = LIST_CAP / LIST_PAGE_SIZE;
  if (q.page > maxPage) {
    throw fail("page_invalid", `list_customers stops at ${LIST_CAP} customers: page must be at most ${maxPage}`, {
      path: "page",
      params: { max: maxPage },
    });
  }
  const filter = await wireFilter(caller.tenantId, q);
  const page = await listCustomerDetails(caller.tenantId, filter, q.page, LIST_PAGE_SIZE, LIST_CAP);
  return {
    meta: { current_page: q.page, total_pages: page.totalPages, total_count: page.total },
    result: page.items.map((c) => toWireCustomer(c, caller.tenantTimeZone)),
  };
}

export async function getCustomerAction(caller: Caller, q: { type: LookupType; content: string }) {
  const ids = await findCustomerIds(caller.tenantId, q.type, q.content);
  if (!ids.length) throw customerNotFound();
  const rows = await loadCustomerDetails(caller.tenantId, [...ids].sort((a, b) => a - b));
  return { result: rows.map((c) => toWireCustomer(c, caller.tenantTimeZone)) };
}

export async function createCustomerAction(caller: Caller, customer: WireCustomer) {
  const changes = wireToChanges(customer, caller.tenantTimeZone);
  const created = await createCustomer(caller.tenantId, authorOfApiKey(caller), changes);
  return { customer: toWireCustomer(created, caller.tenantTimeZone) };
}

export async function updateCustomerAction(caller: Caller, q: { type: LookupType; content: string }, customer: WireCustomer) {
  const changes = wireToChanges(customer, caller.tenantTimeZone);
  const id = await findOneCustomerId(caller.tenantId, q.type, q.content);
  const updated = await updateCustomer(caller.tenantId, authorOfApiKey(caller), id, changes);
  return { customer: toWireCustomer(updated, caller.tenantTimeZone) };
}

export async function destroyCustomerAction(caller: Caller, q: { type: LookupType; content: string }) {
  const id = await findOneCustomerId(caller.tenantId, q.type, q.content);
  await deleteCustomer(caller.tenantId, authorOfApiKey(caller), id);
  return { customer_id: id };
}

export async function feedsAction(
  caller: Caller,
  q: { feed_type: WireFeedType; type: LookupType; content: string; page: number; page_size: number },
) {
  const id = await findOneCustomerId(caller.tenantId, q.type, q.content);
  const { items, total } = await listFeedPage(caller.tenantId, id, WIRE_FEED_TYPES[q.feed_type], q.page, q.page_size);
  return {
    feeds: items.map((r) => toWireFeed(r, caller.tenantTimeZone)),
    meta: { current_page: q.page, total_pages: Math.ceil(total / q.page_size), total_count: total },
  };
}
