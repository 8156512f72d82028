import type { CustomerFilter } from "@/lib/customers/list";
import { findOptionByNameOrValue, notAValidOption } from "@/lib/options/service";
import type { OptionList } from "@/lib/options/schemas";
import { findTask, findTaskByName } from "@/lib/tasks/service";
import { fail } from "@/lib/errors";

/**
 * list_customers' `filters`: 客户任务｜客户归属｜客户类型｜客户状态｜客户来源, split on the
 * full-width bar ｜ (or |). An empty part means any. Task and options are named as
 * filter_customers lists them (name, or the option's value / the task's id). Owner: 我的客户 is
 * serviceNo = `operator`; 全部客户 is any; 未分配客户 is no owner; anything else is a login number.
 */
export const MINE = "我的客户";
const ANY_OWNER = new Set(["全部客户", "全部"]);
const NO_OWNER = new Set(["未分配客户", "未分配"]);

export async function wireFilter(
  tenantId: number,
  q: { filters?: string; query?: string; operator?: string },
): Promise<CustomerFilter> {
  const filter: CustomerFilter = {};
  if (q.query?.trim()) filter.q = q.query.trim();
  if (!q.filters?.trim()) return filter;
  const parts = q.filters.split(/[｜|]/).map((p) => p.trim());
  if (parts.length > 5) {
    throw fail("invalid_input", "filters: at most 5 parts 客户任务｜客户归属｜客户类型｜客户状态｜客户来源", {
      details: [{ path: "filters", message: "at most 5 parts" }],
    });
  }
  const [task, owner, custType, dealFlag, custFrom] = parts;

  if (task) {
    const found = (await findTaskByName(tenantId, task)) ?? (/^\d{1,9}$/.test(task) ? await findTask(tenantId, Number(task)) : null);
    if (!found) throw fail("task_unknown", `no task ${task}`, { path: "filters", params: { taskId: task } });
    filter.taskId = found.id;
  }

  if (owner && !ANY_OWNER.has(owner)) {
    if (owner === MINE) {
      const operator = q.operator?.trim();
      if (!operator) throw fail("required", "the filter 我的客户 needs operator", { path: "operator", params: { param: "operator", for: MINE } });
      filter.ownerLoginNo = operator;
    } else if (NO_OWNER.has(owner)) {
      filter.ownerId = null;
    } else {
      filter.ownerLoginNo = owner;
    }
  }

  const options: [OptionList, string | undefined, "typeId" | "dealFlagId" | "sourceId"][] = [
    ["custType", custType, "typeId"],
    ["dealFlag", dealFlag, "dealFlagId"],
    ["custFrom", custFrom, "sourceId"],
  ];
  for (const [list, text, key] of options) {
    if (!text) continue;
    const option = await findOptionByNameOrValue(tenantId, list, text);
    if (!option) throw notAValidOption(list, text);
    filter[key] = option.id;
  }
  return filter;
}
