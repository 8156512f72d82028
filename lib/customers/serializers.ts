import type { CustomFieldDefinition, CustomFieldType } from "@/lib/custom-fields/schemas";
import type { CustomerDetail, CustomerRowData } from "./repository";

/** The console's JSON shapes of a customer (camelCase, ISO instants). */

export interface Ref {
  id: number;
  name: string;
}

export interface CustomerRow {
  id: number;
  name: string;
  email: string | null;
  companyName: string | null;
  phones: { id: number; number: string }[];
  type: Ref | null;
  dealFlag: Ref | null;
  source: Ref | null;
  task: Ref | null;
  owner: { id: number; loginNo: string; name: string } | null;
  department: Ref | null;
  stage: Ref | null;
  score: number;
  labels: Ref[];
  followNum: number;
  lastFollowTime: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CustomerProfile extends CustomerRow {
  crmId: string | null;
  address: string | null;
  companyId: string | null;
  lastAccept: string | null;
  assignTime: string | null;
  identities: { id: number; type: string; value: string }[];
  /** every field the tenant defines, with this customer's value or null */
  customFields: {
    fieldId: number;
    key: string;
    name: string;
    type: CustomFieldType;
    required: boolean;
    options: string[] | null;
    value: string | null;
  }[];
  createdByNo: string | null;
  updatedByNo: string | null;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const owner = (o: { id: number; loginNo: string; name: string } | null) => (o ? { id: o.id, loginNo: o.loginNo, name: o.name } : null);

export function toCustomerRow(c: CustomerRowData | CustomerDetail): CustomerRow {
  return {
    id: c.id,
    name: c.name,
    email: c.email,
    companyName: c.companyName,
    phones: c.phones.map((p) => ({ id: p.id, number: p.number })),
    type: c.type,
    dealFlag: c.dealFlag,
    source: c.source,
    task: c.task,
    owner: owner(c.owner),
    department: c.department,
    stage: c.stage,
    score: c.score,
    labels: c.labels.map((l) => l.label),
    followNum: c.followNum,
    lastFollowTime: iso(c.lastFollowTime),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

export function toCustomerProfile(c: CustomerDetail, defs: CustomFieldDefinition[]): CustomerProfile {
  const values = new Map(c.fieldValues.map((v) => [v.fieldId, v.value]));
  return {
    ...toCustomerRow(c),
    crmId: c.crmId,
    address: c.address,
    companyId: c.companyId,
    lastAccept: c.lastAccept,
    assignTime: iso(c.assignTime),
    identities: c.identities,
    customFields: defs.map((d) => ({
      fieldId: d.id,
      key: d.key,
      name: d.name,
      type: d.type,
      required: d.required,
      options: d.options,
      value: values.get(d.id) ?? null,
    })),
    createdByNo: c.createdByNo,
    updatedByNo: c.updatedByNo,
  };
}
