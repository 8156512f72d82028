/** react-query keys of tasks (GET /api/tasks, /api/tasks/[id]). */
export const taskKeys = {
  all: ["tasks"] as const,
  list: () => [...taskKeys.all, "list"] as const,
  detail: (id: number) => [...taskKeys.all, "detail", id] as const,
};
