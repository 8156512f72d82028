import type { listUsers } from "./service";

type UserRow = Awaited<ReturnType<typeof listUsers>>[number];

/** A console user as the console's JSON routes send it (dates as ISO strings, no password hash). */
export interface UserDto {
  id: number;
  email: string;
  name: string;
  role: string;
  loginNo: string;
  department: { id: number; name: string } | null;
  status: "active" | "disabled";
  disabledAt: string | null;
  createdAt: string;
}

export interface UserListDto {
  items: UserDto[];
  total: number;
}

export function serializeUser(u: UserRow): UserDto {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    loginNo: u.loginNo,
    department: u.department,
    status: u.disabledAt ? "disabled" : "active",
    disabledAt: u.disabledAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
  };
}
