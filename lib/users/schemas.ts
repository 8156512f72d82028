import { z } from "zod";

export const ROLES = ["admin", "marketer", "viewer"] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);

export const passwordSchema = z
  .string()
  .min(8, "password must be at least 8 characters")
  .max(200, "password is too long");

export const createUserSchema = z.object({
  email: z.string().trim().toLowerCase().regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, "a valid e-mail address is required").describe("sign-in e-mail, unique"),
  name: z.string().trim().min(1).max(100).optional(),
  password: passwordSchema,
  role: roleSchema.default("marketer"),
  loginNo: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,32}$/, "login number: 1–32 letters, digits, _ or -")
    .describe("the staff login number (工号), the serviceNo of the customers API"),
  departmentId: z.number().int().positive().nullable().optional(),
});
export type CreateUserInput = z.input<typeof createUserSchema>;

export const updateUserSchema = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  loginNo: createUserSchema.shape.loginNo.optional(),
  role: roleSchema.optional(),
  departmentId: z.number().int().positive().nullable().optional(),
  password: passwordSchema.optional(),
  disabled: z.boolean().optional(),
});
