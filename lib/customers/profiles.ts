import { listCustomFields } from "@/lib/custom-fields/service";
import type { ChangeAuthor } from "./author";
import { listCustomerRows, type Paged } from "./list";
import type { CustomerDetail } from "./repository";
import { formToChanges, type CustomerListQuery, type customerFormSchema, type customerPatchSchema } from "./schemas";
import { toCustomerProfile, toCustomerRow, type CustomerProfile, type CustomerRow } from "./serializers";
import { createCustomer, getCustomer, updateCustomer } from "./service";
import type { z } from "zod";

/** The console's view of customers: the same services, serialised for react-query. */

export async function listCustomersForConsole(tenantId: number, query: CustomerListQuery): Promise<Paged<CustomerRow>> {
  const page = await listCustomerRows(tenantId, query);
  return { ...page, items: page.items.map(toCustomerRow) };
}

async function profileOf(tenantId: number, c: CustomerDetail): Promise<CustomerProfile> {
  return toCustomerProfile(c, await listCustomFields(tenantId));
}

export async function getCustomerProfile(tenantId: number, id: number): Promise<CustomerProfile> {
  return profileOf(tenantId, await getCustomer(tenantId, id));
}

export async function createCustomerFromForm(
  tenantId: number,
  author: ChangeAuthor,
  form: z.output<typeof customerFormSchema>,
): Promise<CustomerProfile> {
  return profileOf(tenantId, await createCustomer(tenantId, author, formToChanges(form)));
}

export async function updateCustomerFromForm(
  tenantId: number,
  author: ChangeAuthor,
  id: number,
  patch: z.output<typeof customerPatchSchema>,
): Promise<CustomerProfile> {
  return profileOf(tenantId, await updateCustomer(tenantId, author, id, formToChanges(patch)));
}
