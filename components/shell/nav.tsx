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
import { cn } from "@/lib/utils";

interface NavItem {
  href: string;
  label: string;
  icon: LucideIcon;
}

export const NAV: { title?: string; items: NavItem[] }[] = [
  {
    items: [
      { href: "/", label: "Dashboard", icon: LayoutDashboard },
      { href: "/event-types", label: "Event types", icon: Zap },
      { href: "/customers", label: "Customers", icon: UsersRound },
      { href: "/groups", label: "Groups", icon: Tags },
      { href: "/segments", label: "Segments", icon: Filter },
      { href: "/scenarios", label: "Scenarios", icon: Workflow },
    ],
  },
  {
    title: "Workspace",
    items: [
      { href: "/settings", label: "Settings", icon: Settings },
      { href: "/docs/api", label: "API reference", icon: BookOpenText },
    ],
  },
];

function isActive(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(href + "/");
}

/** The sidebar's links; `onNavigate` lets the mobile sheet close itself. */
export function SidebarNav({ onNavigate }: { onNavigate?: () => void }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex flex-col gap-5 px-3">
      {NAV.map((section, i) => (
        <div key={i} className="flex flex-col gap-0.5">
          {section.title && (
            <p className="px-2 pb-1 text-[11px] font-medium tracking-wide text-muted-foreground uppercase">{section.title}</p>
          )}
          {section.items.map(({ href, label, icon: Icon }) => {
            const active = isActive(pathname, href);
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
                {label}
              </Link>
            );
          })}
        </div>
      ))}
    </nav>
  );
}
