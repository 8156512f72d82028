import { namedListSchemas, type NamedCreateInput, type NamedListEntry, type NamedUpdateInput } from "@/lib/reference/named-list-schemas";

/** Call-centre tasks (任务): a task's id is the customers dialect's `taskId`. */
export const taskSchemas = namedListSchemas("Task name, unique within the tenant, e.g. 默认任务");
export const { create: createTaskSchema, update: updateTaskSchema, create: taskFormSchema } = taskSchemas;
export type CreateTaskInput = NamedCreateInput;
export type UpdateTaskInput = NamedUpdateInput;

export type Task = NamedListEntry;
