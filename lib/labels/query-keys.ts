/** react-query keys of labels (GET /api/labels). */
export const labelKeys = {
  all: ["labels"] as const,
  list: () => [...labelKeys.all, "list"] as const,
};
