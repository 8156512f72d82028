import { namedListSchemas, type NamedCreateInput, type NamedListEntry, type NamedUpdateInput } from "@/lib/reference/named-list-schemas";

/** Departments (部门): a department's id is the customers dialect's `servicegroupId`. */
export const departmentSchemas = namedListSchemas("Department name, unique within the tenant, e.g. 华东销售部");
export const { create: createDepartmentSchema, update: updateDepartmentSchema, create: departmentFormSchema } = departmentSchemas;
export type CreateDepartmentInput = NamedCreateInput;
export type UpdateDepartmentInput = NamedUpdateInput;

/** A department also counts its staff. */
export interface Department extends NamedListEntry {
  userCount: number;
}
