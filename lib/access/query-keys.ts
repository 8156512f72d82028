/** react-query keys of API keys: invalidate `apiKeyKeys.all` after any write. */
export const apiKeyKeys = {
  all: ["api-keys"] as const,
  list: () => [...apiKeyKeys.all, "list"] as const,
};
