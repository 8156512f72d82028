import { Building2, History, ChevronRight, ClipboardList, KeyRound, Layers, ListChecks, ListTree, Lock, SlidersHorizontal, UserCog, type LucideIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Settings" };

const SECTIONS: { href: string; title: string; description: string; icon: LucideIcon; adminOnly?: boolean }[] = [
  {
    href: "/settings/stages",
    title: "Lifecycle stages",
    description: "The stages a customer moves through, from lead to loyal, and their order.",
    icon: Layers,
  },
  {
    href: "/settings/categories",
    title: "Event categories",
    description: "How event types are grouped in the console and in the events API.",
    icon: ListTree,
  },
  {
    href: "/settings/custom-fields",
    title: "Custom fields",
    description: "Extra fields on every customer profile, their types and which are required.",
    icon: SlidersHorizontal,
  },
  {
    href: "/settings/options",
    title: "Option lists",
    description: "The customer types, deal flags and sources a customer can be given.",
    icon: ListChecks,
  },
  {
    href: "/settings/departments",
    title: "Departments",
    description: "The teams staff belong to, checked when a customer is assigned an owner.",
    icon: Building2,
  },
  {
    href: "/settings/tasks",
    title: "Tasks",
    description: "Call-centre tasks customers are worked under.",
    icon: ClipboardList,
  },
  {
    href: "/settings/users",
    title: "Users",
    description: "Who can sign in to the console, with which role and login number.",
    icon: UserCog,
    adminOnly: true,
  },
  {
    href: "/settings/api-keys",
    title: "API keys",
    description: "Credentials for integrations calling the public APIs, with their scopes.",
    icon: KeyRound,
    adminOnly: true,
  },
  { href: "/settings/audit", title: "Audit log", description: "Who changed what, and when.", icon: History, adminOnly: true },
];

export default async function SettingsPage() {
  const user = await requireUser();
  const isAdmin = can(user.role, "admin");
  return (
    <>
      <PageHeader title="Settings" description={`Configuration of ${user.tenant.name}.`} />
      <div className="grid gap-3 sm:grid-cols-2">
        {SECTIONS.map(({ href, title, description, icon: Icon, adminOnly }) => (
          <Link
            key={href}
            href={href}
            className="group flex items-start gap-4 rounded-lg border bg-card p-5 shadow-xs transition-colors hover:border-primary/40 hover:bg-accent/40 focus-visible:ring-2 focus-visible:ring-ring/40 focus-visible:outline-none"
          >
            <span className="flex size-10 shrink-0 items-center justify-center rounded-md bg-primary/10 text-primary">
              <Icon className="size-5" />
            </span>
            <span className="grid min-w-0 flex-1 gap-1">
              <span className="flex items-center gap-2 font-medium">
                {title}
                {adminOnly && !isAdmin && (
                  <Badge variant="muted">
                    <Lock /> Admins
                  </Badge>
                )}
              </span>
              <span className="text-sm text-muted-foreground">{description}</span>
            </span>
            <ChevronRight className="mt-2.5 size-4 shrink-0 text-muted-foreground transition-transform group-hover:translate-x-0.5" />
          </Link>
        ))}
      </div>
    </>
  );
}
