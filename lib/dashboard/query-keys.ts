/** react-query keys of the dashboard (GET /api/dashboard). */
export const dashboardKeys = {
  all: ["dashboard"] as const,
  summary: () => [...dashboardKeys.all, "summary"] as const,
};
