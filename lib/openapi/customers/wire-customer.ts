import { z } from "zod";
import { parseFieldKey } from "@/lib/custom-fields/values";
import type { CustomerDetail } from "@/lib/customers/repository";
import type { CustomerChanges } from "@/lib/customers/schemas";
import { fail } from "@/lib/errors";
import { splitLabelList } from "@/lib/labels/schemas";
import { formatWireTime, parseWireTime } from "./time";
import type { WireCustomer } from "./wire-schemas";

/** The dialect's customer (seed 002's 客户 data structure) ↔ the domain's change set and profile. */

const formatError = (path: string, message: string) =>
  fail("invalid_input", `${path}: ${message}`, { details: [{ path: `customer.${path}`, message }] });

const unknownField = (key: string) =>
  fail("custom_field_unknown", `unknown custom field ${key}`, { path: "customer.jsonStr", params: { key } });

function jsonStrEntries(jsonStr: WireCustomer["jsonStr"]): CustomerChanges["customFields"] {
  if (jsonStr === undefined || jsonStr === null) return undefined;
  let obj: unknown = jsonStr;
  if (typeof jsonStr === "string") {
    if (jsonStr.trim() === "") return undefined;
    try {
      obj = JSON.parse(jsonStr);
    } catch {
      throw formatError("jsonStr", "must be a JSON object of custom field values");
    }
    if (typeof obj !== "object" || obj === null || Array.isArray(obj)) throw formatError("jsonStr", "must be a JSON object");
  }
  return Object.entries(obj as Record<string, unknown>).map(([key, value]) => {
    const parsed = parseFieldKey(key);
    if (!parsed) throw unknownField(key);
    if (value !== null && !["string", "number", "boolean"].includes(typeof value)) {
      throw formatError("jsonStr", `${key} must be a text, a number or null`);
    }
    return { fieldId: parsed.fieldId, fieldName: parsed.fieldName, key, value: value == null ? null : String(value) };
  });
}

function phones(list: WireCustomer["cellphones"]): CustomerChanges["phones"] {
  if (list === undefined) return undefined;
  if (list === null) return [];
  return list.map((e) => {
    if (Array.isArray(e)) return { id: e[0], number: String(e[1]) };
    if (typeof e === "object") return { id: e.id ?? null, number: String(e.content) };
    return { id: null, number: String(e) };
  });
}

const optionRef = (name: string | null | undefined) => (name === undefined ? undefined : name === null ? null : { name });

/** The wire fields as a change set; `assignTime` is read in the tenant's time zone. */
export function wireToChanges(w: WireCustomer, timeZone: string): CustomerChanges {
  let assignTime: Date | null | undefined = undefined;
  if (w.assignTime !== undefined) {
    assignTime = w.assignTime === null ? null : parseWireTime(w.assignTime, timeZone);
    if (assignTime === null && w.assignTime !== null) throw formatError("assignTime", "must be yyyy-MM-dd HH:mm");
  }
  return {
    name: w.custname,
    type: optionRef(w.custType),
    dealFlag: optionRef(w.dealFlag),
    source: optionRef(w.custFrom),
    phones: phones(w.cellphones),
    address: w.address,
    companyName: w.companyName,
    companyId: w.companyId,
    lastAccept: w.lastAccept,
    taskId: w.taskId,
    owner: w.serviceNo === undefined ? undefined : w.serviceNo === null ? null : { loginNo: w.serviceNo },
    departmentId: w.servicegroupId,
    customFields: jsonStrEntries(w.jsonStr),
    assignTime,
    labels:
      w.customerLabel === undefined
        ? undefined
        : w.customerLabel === null
          ? []
          : typeof w.customerLabel === "string"
            ? splitLabelList(w.customerLabel)
            : w.customerLabel.map((s) => s.trim()).filter(Boolean),
    email: w.email,
    crmId: w.crmId,
    identities: w.identities === null ? [] : w.identities,
  };
}

/** Seed 002's customer object, plus email, crmId, identities, stage and score. */
export const wireCustomerOutSchema = z
  .object({
    id: z.number().int().describe("唯一标识"),
    custname: z.string().describe("姓名"),
    custType: z.string().nullable().describe("客户类型 (option name)"),
    cellphones: z.array(z.object({ id: z.number().int(), content: z.string() })).describe("联系电话"),
    address: z.string().nullable(),
    companyName: z.string().nullable(),
    taskId: z.number().int().nullable(),
    taskname: z.string().nullable(),
    serviceNo: z.string().nullable().describe("归属工号"),
    servicegroupId: z.number().int().nullable().describe("归属部门 id"),
    companyId: z.string().nullable(),
    jsonStr: z.record(z.string(), z.string()).nullable().describe('{"<fieldId>_<fieldName>": value}, null without values'),
    dealFlag: z.string().nullable(),
    assignTime: z.string().nullable().describe("yyyy-MM-dd HH:mm"),
    customerLabel: z.array(z.object({ id: z.number().int(), name: z.string() })),
    custFrom: z.string().nullable(),
    followNum: z.number().int(),
    lastAccept: z.string().nullable(),
    lastFlowTime: z.string().nullable().describe("最近一次跟进时间, yyyy-MM-dd HH:mm"),
    opTime: z.string().describe("创建时间, yyyy-MM-dd HH:mm"),
    loginNo: z.string().nullable().describe("创建的工号 (null when created through the API)"),
    upLoginNo: z.string().nullable().describe("最近修改更新的工号 (null when last changed through the API)"),
    upTime: z.string().describe("最新修改时间, yyyy-MM-dd HH:mm"),
    email: z.string().nullable(),
    crmId: z.string().nullable(),
    identities: z.array(z.object({ type: z.string(), value: z.string() })),
    stage: z.object({ id: z.number().int(), name: z.string() }).nullable().describe("Lifecycle stage"),
    score: z.number().int(),
  })
  .meta({ id: "CustomersCustomer" });
export type WireCustomerOut = z.infer<typeof wireCustomerOutSchema>;

export function toWireCustomer(c: CustomerDetail, timeZone: string): WireCustomerOut {
  const t = (d: Date | null) => formatWireTime(d, timeZone);
  return {
    id: c.id,
    custname: c.name,
    custType: c.type?.name ?? null,
    cellphones: c.phones.map((p) => ({ id: p.id, content: p.number })),
    address: c.address,
    companyName: c.companyName,
    taskId: c.task?.id ?? null,
    taskname: c.task?.name ?? null,
    serviceNo: c.owner?.loginNo ?? null,
    servicegroupId: c.department?.id ?? null,
    companyId: c.companyId,
    jsonStr: c.fieldValues.length ? Object.fromEntries(c.fieldValues.map((v) => [`${v.fieldId}_${v.field.name}`, v.value])) : null,
    dealFlag: c.dealFlag?.name ?? null,
    assignTime: t(c.assignTime),
    customerLabel: c.labels.map((l) => ({ id: l.label.id, name: l.label.name })),
    custFrom: c.source?.name ?? null,
    followNum: c.followNum,
    lastAccept: c.lastAccept,
    lastFlowTime: t(c.lastFollowTime),
    opTime: t(c.createdAt)!,
    loginNo: c.createdByNo,
    upLoginNo: c.updatedByNo,
    upTime: t(c.updatedAt)!,
    email: c.email,
    crmId: c.crmId,
    identities: c.identities.map((i) => ({ type: i.type, value: i.value })),
    stage: c.stage,
    score: c.score,
  };
}
