import type { DomainError, ErrorDetail, ErrorParams, Reason } from "@/lib/errors";

/**
 * Seed 002's wording of the domain's reasons: the `exception` column of its error table, in the
 * words integrators of that product read today. Values come from the error's `params`.
 */

type Text = (p: ErrorParams) => string;

const s = (v: string | number | undefined) => (v === undefined ? "" : String(v));

export const CUSTOMERS_TEXTS: Partial<Record<Reason, Text>> = {
  customer_not_found: () => "Couldn't find Customer",
  customer_ref_missing: () => "Couldn't find Customer",
  customer_name_required: (p) => (p.mode === "update" ? "客户名称 custname 不能为空" : "缺少客户名称 custname"),
  customer_ambiguous: (p) => `找到${s(p.count)}个匹配的客户，请用 type=id 或 type=cellphone 指定一个`,
  required: (p) =>
    p.param === "operator" && p.for !== undefined
      ? `${s(p.for)} 需要参数 operator (操作者工号)`
      : `param is missing or the value is empty: ${s(p.param)}`,
  identity_type_invalid: () => "无效的唯一标识符类型",
  invalid_option: (p) => `'${s(p.value)}' is not a valid ${s(p.list).toLowerCase()}`,
  staff_not_found: () => "找不到归属工号",
  department_required: () => "归属工号存在但归属部门不存在",
  department_unknown: () => "公司无此部门",
  staff_not_in_department: () => "员工不属于该部门",
  task_unknown: (p) => `找不到客户任务 ${s(p.taskId)}`,
  stage_unknown: (p) => `找不到生命周期阶段 ${s(p.stageId)}`,
  phone_invalid: (p) => `电话号码格式不正确: ${s(p.phone)}`,
  phone_not_owned: (p) => `电话id ${s(p.phoneId)} 不属于该客户`,
  phone_taken: (p) => (p.phone === undefined ? "验证失败: 电话已经使用" : `验证失败: 电话${p.phone}已经使用`),
  customer_email_taken: (p) => (p.email === undefined ? "验证失败: 邮箱已经使用" : `验证失败: 邮箱${p.email}已经使用`),
  crm_id_taken: (p) => (p.crmId === undefined ? "验证失败: crmId已经使用" : `验证失败: crmId ${p.crmId}已经使用`),
  identity_taken: (p) =>
    p.type === undefined ? "验证失败: 身份标识已经使用" : `验证失败: 身份标识 ${s(p.type)}:${s(p.value)} 已经使用`,
  label_invalid: (p) => `标签 "${s(p.name).slice(0, 20)}…" 超过${s(p.max)}个字符`,
  custom_field_unknown: (p) => `未知的自定义字段 ${s(p.key)}`,
  custom_field_required: (p) => `缺少自定义字段 ${s(p.key)}`,
  custom_field_invalid: (p) => `自定义字段 ${s(p.key)} 的值不正确: ${expectedValue(p)}`,
};

function expectedValue(p: ErrorParams): string {
  switch (p.type) {
    case "number":
      return "应为数字";
    case "date":
      return "应为日期 yyyy-MM-dd";
    case "select":
      return `应为 ${s(p.options)} 之一`;
    default:
      return `最多${s(p.max)}个字符`;
  }
}

/** The seed's text of an error, when the seed words its reason; else undefined. */
export function customersText(err: Pick<DomainError, "reason" | "params">): string | undefined {
  return CUSTOMERS_TEXTS[err.reason]?.(err.params);
}

/** A detail as the wire shows it: `{path, message}`, worded like the seed when it has a reason it words. */
export function wireDetail(d: ErrorDetail): { path?: string; message: string } {
  const text = d.reason ? CUSTOMERS_TEXTS[d.reason]?.(d.params ?? {}) : undefined;
  return { ...(d.path !== undefined ? { path: d.path } : {}), message: text ?? d.message };
}
