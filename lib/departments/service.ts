import { namedList } from "@/lib/reference/named-list";
import { departmentSelect, type DepartmentRow } from "./repository";
import { departmentSchemas, type Department } from "./schemas";

/** Departments: a named list that staff and customers belong to; one with either is not deleted. */
const departments = namedList<DepartmentRow, Department>({
  model: "department",
  entity: "Department",
  noun: "department",
  select: departmentSelect,
  notFound: "department_not_found",
  inUse: "department_in_use",
  usedBy: (row) =>
    row._count.users || row._count.customers
      ? `department "${row.name}" still has ${row._count.users} staff and ${row._count.customers} customer(s)`
      : null,
  serialize: (row) => ({
    id: row.id,
    name: row.name,
    userCount: row._count.users,
    customerCount: row._count.customers,
    createdAt: row.createdAt.toISOString(),
  }),
  schemas: departmentSchemas,
});

/** deleteDepartment refuses an entry still in use (409): move what points at it first. */
export const { list: listDepartments, get: getDepartment, create: createDepartment, update: updateDepartment, remove: deleteDepartment } = departments;
