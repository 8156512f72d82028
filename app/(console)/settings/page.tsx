import { Building2, ChevronRight, History, ClipboardList, KeyRound, Layers, ListChecks, ListTree, Lock, SlidersHorizontal, UserCog, type LucideIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings");
  return { title: t("title") };
}

type Section = "stages" | "categories" | "customFields" | "options" | "departments" | "tasks" | "users" | "apiKeys" | "audit";

const SECTIONS: { href: string; key: Section; icon: LucideIcon; adminOnly?: boolean }[] = [
  { href: "/settings/stages", key: "stages", icon: Layers },
  { href: "/settings/categories", key: "categories", icon: ListTree },
  { href: "/settings/custom-fields", key: "customFields", icon: SlidersHorizontal },
  { href: "/settings/options", key: "options", icon: ListChecks },
  { href: "/settings/departments", key: "departments", icon: Building2 },
  { href: "/settings/tasks", key: "tasks", icon: ClipboardList },
  { href: "/settings/users", key: "users", icon: UserCog, adminOnly: true },
  { href: "/settings/api-keys", key: "apiKeys", icon: KeyRound, adminOnly: true },
  { href: "/settings/audit", key: "audit", icon: History, adminOnly: true },
];

export default async function SettingsPage() {
  const user = await requireUser();
  const isAdmin = can(user.role, "admin");
  const t = await getTranslations("settings");
  return (
    <>
      <PageHeader title={t("title")} description={t("description", { tenant: user.tenant.name })} />
      <div className="grid gap-3 sm:grid-cols-2">
        {SECTIONS.map(({ href, key, icon: Icon, adminOnly }) => (
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
                {t(`sections.${key}.title`)}
                {adminOnly && !isAdmin && (
                  <Badge variant="muted">
                    <Lock /> {t("admins")}
                  </Badge>
                )}
              </span>
              <span className="text-sm text-muted-foreground">{t(`sections.${key}.description`)}</span>
            </span>
            <ChevronRight className="mt-2.5 size-4 shrink-0 text-muted-foreground transition-transform group-hover:translate-x-0.5" />
          </Link>
        ))}
      </div>
    </>
  );
}
