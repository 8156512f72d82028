import { db, type DbOrTx } from "@/lib/db/client";
import { fail } from "@/lib/errors";
import { findCustomerIdByIdentity } from "./identity";
import { findCustomerIdsByField } from "./repository";
import { customerNotFound } from "./service";

/** How the customers dialect points at a customer (`type` + `content`). */
export const LOOKUP_TYPES = ["id", "custName", "cellphone", "companyName"] as const;
export type LookupType = (typeof LOOKUP_TYPES)[number];

/** A name may be shared: get_customer answers at most this many customers for one name. */
export const MAX_NAME_MATCHES = 100;

/** Live customers matching: one at most by id or phone, possibly several by (company) name. */
export async function findCustomerIds(tenantId: number, type: LookupType, content: string, tx: DbOrTx = db): Promise<number[]> {
  const value = content.trim();
  if (!value) return [];
  switch (type) {
    case "id":
    case "cellphone": {
      const id = await findCustomerIdByIdentity(tx, tenantId, type, value);
      return id ? [id] : [];
    }
    case "custName":
      return (await findCustomerIdsByField(tenantId, "name", value, MAX_NAME_MATCHES, tx)).map((r) => r.id);
    case "companyName":
      return (await findCustomerIdsByField(tenantId, "companyName", value, MAX_NAME_MATCHES, tx)).map((r) => r.id);
  }
}

/**
 * Exactly one customer, for actions that change or read one (update, destroy, feeds): none is
 * customer_not_found; several of one name is customer_ambiguous (asking for the id or a phone).
 */
export async function findOneCustomerId(tenantId: number, type: LookupType, content: string, tx: DbOrTx = db): Promise<number> {
  const ids = await findCustomerIds(tenantId, type, content, tx);
  if (ids.length === 0) throw customerNotFound();
  if (ids.length > 1) {
    const count = ids.length >= MAX_NAME_MATCHES ? `${MAX_NAME_MATCHES}+` : ids.length;
    throw fail("customer_ambiguous", `${count} customers match; name one by id or phone`, { path: "content", params: { count } });
  }
  return ids[0];
}
