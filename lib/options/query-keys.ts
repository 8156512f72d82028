/** react-query keys of the option lists (GET /api/options). */
export const optionKeys = {
  all: ["options"] as const,
  lists: () => [...optionKeys.all, "lists"] as const,
};
