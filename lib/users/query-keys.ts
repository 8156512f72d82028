/** react-query keys of the users domain: invalidate `userKeys.all` after any write. */
export const userKeys = {
  all: ["users"] as const,
  list: () => [...userKeys.all, "list"] as const,
};
