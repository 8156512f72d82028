import type { DbOrTx } from "@/lib/db/client";
import { fail } from "@/lib/errors";
import { emailDigests, normalizeEmail, normalizePhone } from "./identity";
import { findCustomerWith, findIdentitiesTaken, findPhonesTaken } from "./repository";
import { PHONE_PATTERN, type CustomerChanges, type IdentityInput } from "./schemas";

/** A phone number another customer of the tenant holds (a conflict, at `cellphones`). */
export function phoneTaken(number: string) {
  return fail("phone_taken", `phone ${number} is taken`, { path: "cellphones", params: { phone: number } });
}

/** Normalised, valid and distinct phones of a change set, in order (the first of duplicates wins). */
export function normalizePhones(phones: { id: number | null; number: string }[]) {
  const seen = new Set<string>();
  const out: { id: number | null; number: string }[] = [];
  for (const p of phones) {
    const number = normalizePhone(p.number);
    if (!PHONE_PATTERN.test(number)) throw fail("phone_invalid", `malformed phone number ${p.number}`, { path: "cellphones", params: { phone: p.number } });
    if (seen.has(number)) continue;
    seen.add(number);
    out.push({ id: p.id, number });
  }
  return out;
}

/**
 * How the customer's phones become the given list: an entry with an id keeps that phone (and may
 * renumber it); an entry without one keeps the customer's phone of that number or adds it; the
 * customer's other phones are removed. New numbers must be free in the tenant (phone_taken).
 */
export async function planPhones(
  tenantId: number,
  customerId: number | null,
  current: { id: number; number: string }[],
  wanted: { id: number | null; number: string }[],
  tx: DbOrTx,
) {
  const byId = new Map(current.map((p) => [p.id, p]));
  const byNumber = new Map(current.map((p) => [p.number, p]));
  const keep = new Set<number>();
  const renumber: { id: number; number: string }[] = [];
  const add: string[] = [];
  for (const w of wanted) {
    if (w.id != null && customerId != null) {
      const mine = byId.get(w.id);
      if (!mine) throw fail("phone_not_owned", `phone ${w.id} is not this customer's`, { path: "cellphones", params: { phoneId: w.id } });
      keep.add(mine.id);
      if (mine.number !== w.number) renumber.push({ id: mine.id, number: w.number });
      continue;
    }
    const same = byNumber.get(w.number);
    if (same && !keep.has(same.id)) keep.add(same.id);
    else add.push(w.number);
  }
  const fresh = [...renumber.map((r) => r.number), ...add].filter((n) => !byNumber.has(n));
  if (fresh.length) {
    const clash = await findPhonesTaken(tenantId, fresh, customerId, tx);
    if (clash.length) throw phoneTaken(clash[0].number);
  }
  return { remove: current.filter((p) => !keep.has(p.id)).map((p) => p.id), renumber, add };
}

/** E-mail (normalised, with digests) and CRM id columns of a change set, checked for clashes. */
export async function checkEmailAndCrmId(tenantId: number, customerId: number | null, changes: CustomerChanges, tx: DbOrTx) {
  const data: { email?: string | null; emailMd5?: string | null; emailSha256?: string | null; crmId?: string | null } = {};
  if (changes.email !== undefined) {
    if (changes.email === null) Object.assign(data, { email: null, emailMd5: null, emailSha256: null });
    else {
      const email = normalizeEmail(changes.email);
      if (await findCustomerWith(tenantId, { email }, customerId, tx)) {
        throw fail("customer_email_taken", `e-mail ${email} is taken`, { path: "email", params: { email } });
      }
      Object.assign(data, { email, ...emailDigests(email) });
    }
  }
  if (changes.crmId !== undefined) {
    if (changes.crmId !== null && (await findCustomerWith(tenantId, { crmId: changes.crmId }, customerId, tx))) {
      throw fail("crm_id_taken", `crmId ${changes.crmId} is taken`, { path: "crmId", params: { crmId: changes.crmId } });
    }
    data.crmId = changes.crmId;
  }
  return data;
}

/** How the customer's custom identities become the given list; new ones must be free (409). */
export async function planIdentities(
  tenantId: number,
  customerId: number | null,
  current: { id: number; type: string; value: string }[],
  wanted: IdentityInput[],
  tx: DbOrTx,
) {
  const k = (i: { type: string; value: string }) => `${i.type}\u0000${i.value}`;
  const wantedKeys = new Map(wanted.map((i) => [k(i), i]));
  const currentKeys = new Set(current.map(k));
  const add = [...wantedKeys.values()].filter((i) => !currentKeys.has(k(i)));
  if (add.length) {
    const clash = await findIdentitiesTaken(tenantId, add, customerId, tx);
    if (clash.length) {
      const { type, value } = clash[0];
      throw fail("identity_taken", `identity ${type}:${value} is taken`, { path: "identities", params: { type, value } });
    }
  }
  return { remove: current.filter((i) => !wantedKeys.has(k(i))).map((i) => i.id), add };
}

/** A unique-constraint race lost after the checks: answered like the checks would have. */
export function raceToConflict(err: unknown): unknown {
  const p = err as { code?: string; meta?: unknown; message?: string };
  if (p && p.code === "P2002") {
    const text = JSON.stringify(p.meta ?? {}) + (p.message ?? "");
    if (/number/.test(text)) return fail("phone_taken", "a phone number is taken", { path: "cellphones" });
    if (/email/i.test(text)) return fail("customer_email_taken", "the e-mail is taken", { path: "email" });
    if (/crmId/.test(text)) return fail("crm_id_taken", "the crmId is taken", { path: "crmId" });
    if (/value/.test(text)) return fail("identity_taken", "an identity is taken", { path: "identities" });
  }
  return err;
}
