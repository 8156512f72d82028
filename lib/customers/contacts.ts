import type { DbOrTx } from "@/lib/db/client";
import { conflict, DomainError } from "@/lib/http/errors";
import { emailDigests, normalizeEmail, normalizePhone } from "./identity";
import { ruleError } from "./references";
import { findCustomerWith, findIdentitiesTaken, findPhonesTaken } from "./repository";
import { PHONE_PATTERN, type CustomerChanges, type IdentityInput } from "./schemas";

/** The seed's duplicate-phone wording, answered with HTTP 409. */
export function phoneTaken(number: string) {
  return new DomainError("conflict", `验证失败: 电话${number}已经使用`, {
    code: "2000",
    details: [{ path: "cellphones", message: `验证失败: 电话${number}已经使用` }],
  });
}

const taken = (message: string, path: string) =>
  new DomainError("conflict", message, { code: "2000", details: [{ path, message }] });

/** Normalised, valid and distinct phones of a change set, in order (the first of duplicates wins). */
export function normalizePhones(phones: { id: number | null; number: string }[]) {
  const seen = new Set<string>();
  const out: { id: number | null; number: string }[] = [];
  for (const p of phones) {
    const number = normalizePhone(p.number);
    if (!PHONE_PATTERN.test(number)) throw ruleError(`电话号码格式不正确: ${p.number}`, "cellphones");
    if (seen.has(number)) continue;
    seen.add(number);
    out.push({ id: p.id, number });
  }
  return out;
}

/**
 * How the customer's phones become the given list: an entry with an id keeps that phone (and may
 * renumber it); an entry without one keeps the customer's phone of that number or adds it; the
 * customer's other phones are removed. New numbers must be free in the tenant (409, code 2000).
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
      if (!mine) throw ruleError(`电话id ${w.id} 不属于该客户`, "cellphones");
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
      if (await findCustomerWith(tenantId, { email }, customerId, tx)) throw taken(`验证失败: 邮箱${email}已经使用`, "email");
      Object.assign(data, { email, ...emailDigests(email) });
    }
  }
  if (changes.crmId !== undefined) {
    if (changes.crmId !== null && (await findCustomerWith(tenantId, { crmId: changes.crmId }, customerId, tx))) {
      throw taken(`验证失败: crmId ${changes.crmId}已经使用`, "crmId");
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
    if (clash.length) throw taken(`验证失败: 身份标识 ${clash[0].type}:${clash[0].value} 已经使用`, "identities");
  }
  return { remove: current.filter((i) => !wantedKeys.has(k(i))).map((i) => i.id), add };
}

/** A unique-constraint race lost after the checks: answered like the checks would have. */
export function raceToConflict(err: unknown): unknown {
  const p = err as { code?: string; meta?: unknown; message?: string };
  if (p && p.code === "P2002") {
    const text = JSON.stringify(p.meta ?? {}) + (p.message ?? "");
    if (/number/.test(text)) return conflict("验证失败: 电话已经使用", "2000");
    if (/email/i.test(text)) return conflict("验证失败: 邮箱已经使用", "2000");
    if (/crmId/.test(text)) return conflict("验证失败: crmId已经使用", "2000");
    if (/value/.test(text)) return conflict("验证失败: 身份标识已经使用", "2000");
  }
  return err;
}
