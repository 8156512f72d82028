import { z } from "zod";
import { expected } from "@/lib/validation/messages";

/** Call-centre tasks (任务): a task's id is the customers dialect's `taskId`. */
export const taskNameSchema = z
  .string({ error: expected("a string") })
  .trim()
  .min(1, "is required")
  .max(100, "must be at most 100 characters")
  .describe("Task name, unique within the tenant, e.g. 默认任务");

export const createTaskSchema = z.object({ name: taskNameSchema });
export type CreateTaskInput = z.input<typeof createTaskSchema>;
export const updateTaskSchema = createTaskSchema.partial();
export type UpdateTaskInput = z.input<typeof updateTaskSchema>;
export const taskFormSchema = createTaskSchema;

export interface Task {
  id: number;
  name: string;
  customerCount: number;
  createdAt: string;
}
