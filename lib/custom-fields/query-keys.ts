/** react-query keys of custom field definitions (GET /api/custom-fields, /api/custom-fields/[id]). */
export const customFieldKeys = {
  all: ["custom-fields"] as const,
  list: () => [...customFieldKeys.all, "list"] as const,
  detail: (id: number) => [...customFieldKeys.all, "detail", id] as const,
};
