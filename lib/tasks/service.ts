import { namedList } from "@/lib/reference/named-list";
import { taskSelect, type TaskRow } from "./repository";
import { taskSchemas, type Task } from "./schemas";

/** Call-centre tasks: a named list customers belong to; one with live customers is not deleted. */
const tasks = namedList<TaskRow, Task>({
  model: "task",
  entity: "Task",
  noun: "task",
  select: taskSelect,
  notFound: "task_not_found",
  inUse: "task_in_use",
  usedBy: (row) => (row._count.customers ? `task "${row.name}" still has ${row._count.customers} customer(s)` : null),
  serialize: (row) => ({ id: row.id, name: row.name, customerCount: row._count.customers, createdAt: row.createdAt.toISOString() }),
  schemas: taskSchemas,
});

/** deleteTask refuses an entry still in use (409): move what points at it first. */
export const { list: listTasks, get: getTask, create: createTask, update: updateTask, remove: deleteTask } = tasks;
/** The customers dialect resolves a task by id or name (taskId / taskName filters). */
export const findTask = tasks.repository.find;
export const findTaskByName = tasks.repository.findByName;
