/** react-query keys of departments (GET /api/departments, /api/departments/[id]). */
export const departmentKeys = {
  all: ["departments"] as const,
  list: () => [...departmentKeys.all, "list"] as const,
  detail: (id: number) => [...departmentKeys.all, "detail", id] as const,
};
