"use client";

import {
  BookOpenText,
  Filter,
  LayoutDashboard,
  Settings,
  Tags,
  UsersRound,
  Workflow,
  Zap,
  type LucideIcon,
} from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/utils";

type NavLabel = "dashboard" | "eventTypes" | "customers" | "groups" | "segments" | "scenarios" | "settings" | "apiReference";

interface NavItem {
  href: string;
  label: NavLabel;
  icon: LucideIcon;
}

export const NAV: { title?: "workspace"; items: NavItem[] }[] = [
  {
    items: [
      { href: "/", label: "dashboard", icon: LayoutDashboard },
      { href: "/event-types", label: "eventTypes", icon: Zap },
      { href: "/customers", label: "customers", icon: UsersRound },
      { href: "/groups", label: "groups", icon: Tags },
      { href: "/segments", label: "segments", icon: Filter },
      { href: "/scenarios", label: "scenarios", icon: Workflow },
    ],
  },
  {
    title: "workspace",
    items: [
      { href: "/settings", label: "settings", icon: Settings },
      { href: "/docs/api", label: "apiReference", icon: BookOpenText },
    ],
  },
];

/** The one nav item the path belongs to: the longest matching prefix, so /settings/users lights Settings only. */
export function activeHref(pathname: string): string | undefined {
  const hrefs = NAV.flatMap((s) => s.items.map((i) => i.href));
  return hrefs
    .filter((href) => (href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(href + "/")))
    .sort((a, b) => b.length - a.length)[0];
}

/** The sidebar's links; `onNavigate` lets the mobile sheet close itself. */
export function SidebarNav({ onNavigate }: { onNavigate?: () => void }) {
  const pathname = usePathname();
  const t = useTranslations("shell.nav");
  const current = activeHref(pathname);
  return (
    <nav aria-label={t("main")} className="flex flex-col gap-5 px-3">
      {NAV.map((section, i) => (
        <div key={i} className="flex flex-col gap-0.5">
          {section.title && (
            <p className="px-2 pb-1 text-[11px] font-medium tracking-wide text-muted-foreground uppercase">{t(section.title)}</p>
          )}
          {section.items.map(({ href, label, icon: Icon }) => {
            const active = href === current;
            return (
              <Link
                key={href}
                href={href}
                onClick={onNavigate}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "flex items-center gap-2.5 rounded-md px-2 py-1.5 text-sm font-medium text-sidebar-foreground transition-colors hover:bg-sidebar-accent hover:text-sidebar-accent-foreground focus-visible:ring-2 focus-visible:ring-ring/40 focus-visible:outline-none",
                  active && "bg-sidebar-accent text-sidebar-accent-foreground",
                )}
              >
                <Icon className={cn("size-4 shrink-0", active ? "text-primary" : "text-muted-foreground")} />
                {t(label)}
              </Link>
            );
          })}
        </div>
      ))}
    </nav>
  );
}
