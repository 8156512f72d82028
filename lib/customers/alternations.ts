import type { DbOrTx } from "@/lib/db/client";
import { formatDateTime } from "@/lib/format";
import type { ChangeAuthor } from "./author";
import type { CustomerDetail } from "./repository";

/**
 * The change feed (变更记录): one Alternation per changed field, its summary in the seed's format
 * `公司名称: <空>---->测试公司名` — the field's Chinese label, the old and the new value as shown,
 * `<空>` for an empty one.
 */
export const EMPTY = "<空>";

/** Field labels of the change feed, in the order the profile shows them. */
export const FIELD_LABELS = {
  name: "客户名称",
  type: "客户类型",
  phones: "联系电话",
  email: "邮箱",
  crmId: "CRM编号",
  identities: "身份标识",
  address: "联系地址",
  companyName: "公司名称",
  companyId: "归属公司",
  task: "客户任务",
  owner: "归属工号",
  department: "归属部门",
  dealFlag: "客户状态",
  assignTime: "分配时间",
  labels: "客户标签",
  source: "客户来源",
  lastAccept: "最近通话流水",
  stage: "生命周期阶段",
  score: "客户评分",
} as const;

export type FieldName = keyof typeof FIELD_LABELS;

export function summarizeChange(label: string, oldValue: string | null, newValue: string | null): string {
  return `${label}: ${oldValue || EMPTY}---->${newValue || EMPTY}`;
}

interface Shown {
  field: string;
  label: string;
  value: string | null;
}

/** How each field of a profile reads in the change feed. */
export function snapshot(c: CustomerDetail, timeZone: string): Shown[] {
  const v: Record<FieldName, string | null> = {
    name: c.name,
    type: c.type?.name ?? null,
    phones: c.phones.map((p) => p.number).join(",") || null,
    email: c.email,
    crmId: c.crmId,
    identities: c.identities.map((i) => `${i.type}:${i.value}`).join(",") || null,
    address: c.address,
    companyName: c.companyName,
    companyId: c.companyId,
    task: c.task?.name ?? null,
    owner: c.owner?.loginNo ?? null,
    department: c.department?.name ?? null,
    dealFlag: c.dealFlag?.name ?? null,
    assignTime: c.assignTime ? formatDateTime(c.assignTime, timeZone) : null,
    labels: c.labels.map((l) => l.label.name).join(",") || null,
    source: c.source?.name ?? null,
    lastAccept: c.lastAccept,
    stage: c.stage?.name ?? null,
    score: String(c.score),
  };
  const shown: Shown[] = (Object.keys(FIELD_LABELS) as FieldName[]).map((f) => ({ field: f, label: FIELD_LABELS[f], value: v[f] }));
  for (const fv of c.fieldValues) shown.push({ field: `custom:${fv.fieldId}`, label: fv.field.name, value: fv.value });
  return shown;
}

export interface Alteration {
  field: string;
  label: string;
  oldValue: string | null;
  newValue: string | null;
  summary: string;
}

/** The fields whose shown value differs between two snapshots of one customer. */
export function diffSnapshots(before: Shown[], after: Shown[]): Alteration[] {
  const old = new Map(before.map((s) => [s.field, s]));
  const out: Alteration[] = [];
  const seen = new Set<string>();
  for (const s of after) {
    seen.add(s.field);
    const prev = old.get(s.field)?.value ?? null;
    if ((prev ?? "") !== (s.value ?? "")) {
      out.push({ field: s.field, label: s.label, oldValue: prev, newValue: s.value, summary: summarizeChange(s.label, prev, s.value) });
    }
  }
  // a custom field whose value was cleared no longer appears in `after`
  for (const s of before) {
    if (seen.has(s.field) || !s.value) continue;
    out.push({ field: s.field, label: s.label, oldValue: s.value, newValue: null, summary: summarizeChange(s.label, s.value, null) });
  }
  return out;
}

/** Writes the change records of one update, stamped with one time and the author. */
export async function writeAlternations(
  tenantId: number,
  customerId: number,
  changes: Alteration[],
  author: ChangeAuthor,
  tx: DbOrTx,
  at = new Date(),
): Promise<void> {
  if (!changes.length) return;
  await tx.alternation.createMany({
    data: changes.map((c) => ({
      tenantId,
      customerId,
      field: c.field,
      oldValue: c.oldValue,
      newValue: c.newValue,
      summary: c.summary,
      authorNo: author.loginNo,
      authorName: author.name,
      createdAt: at,
    })),
  });
}
