import bcrypt from "bcryptjs";
import { writeAudit, type Actor } from "@/lib/audit/audit";
import { db } from "@/lib/db/client";
import { fail } from "@/lib/errors";
import { createUserSchema, updateUserSchema, type CreateUserInput } from "./schemas";
import type { z } from "zod";

const BCRYPT_COST = 10;

const userSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  loginNo: true,
  departmentId: true,
  department: { select: { id: true, name: true } },
  disabledAt: true,
  createdAt: true,
} as const;

export async function createUser(tenantId: number, input: CreateUserInput) {
  const data = createUserSchema.parse(input);
  if (await db.user.findUnique({ where: { email: data.email }, select: { id: true } })) {
    throw fail("email_taken", `a user with e-mail ${data.email} already exists`, { path: "email", params: { email: data.email } });
  }
  if (await db.user.findFirst({ where: { tenantId, loginNo: data.loginNo }, select: { id: true } })) {
    throw fail("login_no_taken", `login number ${data.loginNo} is already taken`, { path: "loginNo", params: { loginNo: data.loginNo } });
  }
  if (data.departmentId != null) await requireDepartment(tenantId, data.departmentId);
  return db.user.create({
    data: {
      tenantId,
      email: data.email,
      name: data.name ?? data.email.split("@")[0],
      passwordHash: await bcrypt.hash(data.password, BCRYPT_COST),
      role: data.role,
      loginNo: data.loginNo,
      departmentId: data.departmentId ?? null,
    },
    select: userSelect,
  });
}

export async function listUsers(tenantId: number) {
  return db.user.findMany({ where: { tenantId }, select: userSelect, orderBy: { id: "asc" } });
}

export async function updateUser(
  tenantId: number,
  id: number,
  input: z.input<typeof updateUserSchema>,
  actingUserId: number,
  actor?: Actor,
) {
  const data = updateUserSchema.parse(input);
  const user = await db.user.findFirst({ where: { id, tenantId }, select: { id: true, role: true } });
  if (!user) throw fail("user_not_found", "user not found", { params: { id } });
  if (id === actingUserId && (data.role && data.role !== "admin" || data.disabled)) {
    throw fail("self_demotion", "you cannot demote or disable yourself");
  }
  if (data.departmentId != null) await requireDepartment(tenantId, data.departmentId);
  if (data.loginNo !== undefined && (await db.user.findFirst({ where: { tenantId, loginNo: data.loginNo, id: { not: id } }, select: { id: true } }))) {
    throw fail("login_no_taken", `login number ${data.loginNo} is already taken`, { path: "loginNo", params: { loginNo: data.loginNo } });
  }
  const passwordHash = data.password ? await bcrypt.hash(data.password, BCRYPT_COST) : undefined;
  return db.$transaction(async (tx) => {
    // the fields changed, never the password itself
    const fields = Object.entries(data).filter(([, v]) => v !== undefined).map(([k]) => k);
    const action = data.password ? "user.password_reset" : data.disabled !== undefined ? (data.disabled ? "user.deactivate" : "user.reactivate") : "user.update";
    if (actor) await writeAudit(tx, tenantId, actor, { action, entity: "User", entityId: id, details: { fields } });
    return tx.user.update({
      where: { id },
      data: {
        name: data.name,
        loginNo: data.loginNo,
        role: data.role,
        departmentId: data.departmentId,
        passwordHash,
        disabledAt: data.disabled === undefined ? undefined : data.disabled ? new Date() : null,
      },
      select: userSelect,
    });
  });
}

async function requireDepartment(tenantId: number, departmentId: number) {
  const dept = await db.department.findFirst({ where: { id: departmentId, tenantId }, select: { id: true } });
  if (!dept) throw fail("department_unknown", "department not found", { path: "departmentId", params: { departmentId } });
}

/** Checks console credentials; returns the user or null (the same answer for any failure). */
export async function verifyCredentials(email: string, password: string) {
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { ...userSelect, tenantId: true, passwordHash: true, tenant: { select: { slug: true, name: true } } },
  });
  const ok = await bcrypt.compare(password, user?.passwordHash ?? "$2b$10$invalidinvalidinvalidinvalidinvalidinvalidinvalidinv");
  if (!user || !ok || user.disabledAt) return null;
  return user;
}

/** A user's console language; null follows the browser, then the tenant's default. */
export async function setUserLocale(tenantId: number, userId: number, locale: string | null) {
  await db.user.updateMany({ where: { id: userId, tenantId }, data: { locale } });
}
