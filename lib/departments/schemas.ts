import { z } from "zod";
import { expected } from "@/lib/validation/messages";

/** Departments (部门): a department's id is the customers dialect's `servicegroupId`. */
export const departmentNameSchema = z
  .string({ error: expected("a string") })
  .trim()
  .min(1, "is required")
  .max(100, "must be at most 100 characters")
  .describe("Department name, unique within the tenant, e.g. 华东销售部");

export const createDepartmentSchema = z.object({ name: departmentNameSchema });
export type CreateDepartmentInput = z.input<typeof createDepartmentSchema>;
export const updateDepartmentSchema = createDepartmentSchema.partial();
export type UpdateDepartmentInput = z.input<typeof updateDepartmentSchema>;
export const departmentFormSchema = createDepartmentSchema;

export interface Department {
  id: number;
  name: string;
  userCount: number;
  customerCount: number;
  createdAt: string;
}
