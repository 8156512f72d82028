import type { SegmentRefs } from "@/components/segments/refs";
import { listCustomFields } from "@/lib/custom-fields/service";
import { listDepartments } from "@/lib/departments/service";
import { listEventTypes } from "@/lib/event-types/service";
import { listGroups } from "@/lib/groups/service";
import { listLabels } from "@/lib/labels/service";
import { listOptionLists } from "@/lib/options/service";
import { listStages } from "@/lib/stages/service";
import { listTasks } from "@/lib/tasks/service";
import { listUsers } from "@/lib/users/service";

/** The rule builder's choices from the tenant's data, read once for the page's first paint. */
export async function loadSegmentRefs(tenantId: number): Promise<SegmentRefs> {
  const [options, stages, labels, users, departments, tasks, groups, customFields, eventTypes] = await Promise.all([
    listOptionLists(tenantId),
    listStages(tenantId),
    listLabels(tenantId),
    listUsers(tenantId),
    listDepartments(tenantId),
    listTasks(tenantId),
    listGroups(tenantId, { limit: 1000 }),
    listCustomFields(tenantId),
    listEventTypes(tenantId),
  ]);
  const names = (items: { name: string }[]) => items.map((i) => i.name);
  return {
    options: { custType: names(options.custType), dealFlag: names(options.dealFlag), custFrom: names(options.custFrom) },
    stages: stages.map(({ id, name }) => ({ id, name })),
    labels: names(labels),
    owners: users.map((u) => ({ loginNo: u.loginNo, name: u.name })),
    departments: departments.map(({ id, name }) => ({ id, name })),
    tasks: tasks.map(({ id, name }) => ({ id, name })),
    groups: groups.items.map(({ id, name }) => ({ id, name })),
    customFields: customFields.map(({ id, name, type, options }) => ({ id, name, type, options: options ?? [] })),
    eventTypes: eventTypes.map((e) => ({
      eventKey: e.eventKey,
      name: e.name,
      attributes: e.attributes.map(({ attrKey, attrName, type }) => ({ attrKey, attrName, type })),
    })),
  };
}
