import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { requireUser } from "@/lib/auth/session";

/**
 * Every console page sits in this shell. The check here covers full page loads; a layout is not
 * re-run on client navigation, so a page that reads data calls requireUser(permission) itself.
 */
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return (
    <AppShell user={{ name: user.name, email: user.email, role: user.role, tenantName: user.tenant.name }}>{children}</AppShell>
  );
}
