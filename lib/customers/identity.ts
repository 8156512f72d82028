import { createHash } from "node:crypto";
import { parsePhoneNumberFromString } from "libphonenumber-js";
import type { DbOrTx } from "@/lib/db/client";

/**
 * How integrators point at a customer. Built-in identity types: `phone` (any of the customer's
 * cellphones), `email` (also by its MD5 / SHA-256 digest), `crmId`; any other type is a custom
 * identity (CustomerIdentity rows). Soft-deleted customers are never found.
 */
export const BUILT_IN_IDENTITY_TYPES = ["phone", "email", "emailMd5", "emailSha256", "crmId"] as const;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Phones are compared without spaces, dashes, dots or parentheses; a leading + is kept. */
export function normalizePhone(phone: string): string {
  return phone.trim().replace(/[\s\-().]/g, "");
}

/**
 * The stored forms one phone may have: as written (normalised), and — when it parses as a real
 * number (default region CN) — its E.164 form and, for a mainland number, the national one. The
 * console stores E.164 (`+8613800138000`), the customers API stores what it is sent (`13800138000`);
 * a lookup by either finds the customer. The written form comes first: it wins when both exist.
 */
export function phoneForms(phone: string): string[] {
  const written = normalizePhone(phone);
  if (!written) return [];
  const parsed = parsePhoneNumberFromString(written, "CN");
  if (!parsed?.isValid()) return [written];
  const forms = [written, parsed.number];
  if (parsed.countryCallingCode === "86") forms.push(parsed.nationalNumber);
  return [...new Set(forms)];
}

export function emailDigests(email: string): { emailMd5: string; emailSha256: string } {
  const e = normalizeEmail(email);
  return {
    emailMd5: createHash("md5").update(e).digest("hex"),
    emailSha256: createHash("sha256").update(e).digest("hex"),
  };
}

export async function findCustomerIdByIdentity(
  tx: DbOrTx,
  tenantId: number,
  type: string,
  rawValue: string,
): Promise<number | null> {
  const value = rawValue.trim();
  if (!value) return null;
  const live = { tenantId, deletedAt: null };
  switch (type) {
    case "id": {
      if (!/^\d{1,10}$/.test(value)) return null;
      const c = await tx.customer.findFirst({ where: { ...live, id: Number(value) }, select: { id: true } });
      return c?.id ?? null;
    }
    case "phone":
    case "cellphone": {
      const forms = phoneForms(value);
      const found = await tx.customerPhone.findMany({
        where: { tenantId, number: { in: forms }, customer: { deletedAt: null } },
        select: { number: true, customerId: true },
      });
      const best = forms.map((f) => found.find((p) => p.number === f)).find(Boolean);
      return best?.customerId ?? null;
    }
    case "email": {
      const c = await tx.customer.findFirst({ where: { ...live, email: normalizeEmail(value) }, select: { id: true } });
      return c?.id ?? null;
    }
    case "emailMd5": {
      const c = await tx.customer.findFirst({ where: { ...live, emailMd5: value.toLowerCase() }, select: { id: true } });
      return c?.id ?? null;
    }
    case "emailSha256": {
      const c = await tx.customer.findFirst({ where: { ...live, emailSha256: value.toLowerCase() }, select: { id: true } });
      return c?.id ?? null;
    }
    case "crmId": {
      const c = await tx.customer.findFirst({ where: { ...live, crmId: value }, select: { id: true } });
      return c?.id ?? null;
    }
    default: {
      const i = await tx.customerIdentity.findUnique({
        where: { tenantId_type_value: { tenantId, type, value } },
        select: { customer: { select: { id: true, deletedAt: true } } },
      });
      return i && !i.customer.deletedAt ? i.customer.id : null;
    }
  }
}
