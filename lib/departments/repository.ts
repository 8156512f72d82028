/** What a department row holds: the named list's columns and how many staff and live customers point at it. */
export const departmentSelect = {
  id: true,
  name: true,
  createdAt: true,
  _count: { select: { users: true, customers: { where: { deletedAt: null } } } },
} as const;

export interface DepartmentRow {
  id: number;
  name: string;
  createdAt: Date;
  _count: { users: number; customers: number };
}
