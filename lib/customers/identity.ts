import { createHash } from "node:crypto";
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
      const p = await tx.customerPhone.findUnique({
        where: { tenantId_number: { tenantId, number: normalizePhone(value) } },
        select: { customer: { select: { id: true, deletedAt: true } } },
      });
      return p && !p.customer.deletedAt ? p.customer.id : null;
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
