/** What a task row holds: the named list's columns and how many live customers point at it. */
export const taskSelect = {
  id: true,
  name: true,
  createdAt: true,
  _count: { select: { customers: { where: { deletedAt: null } } } },
} as const;

export interface TaskRow {
  id: number;
  name: string;
  createdAt: Date;
  _count: { customers: number };
}
