import { ChevronRight } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import type { ReactNode } from "react";
import { cn } from "@/lib/utils";

export interface PageHeaderProps {
  title: ReactNode;
  description?: ReactNode;
  /** buttons at the right (a "New …" dialog trigger) */
  actions?: ReactNode;
  /** parent pages, e.g. [{ href: "/settings", label: "Settings" }] */
  breadcrumbs?: { href: string; label: string }[];
  className?: string;
}

/** The top of every console page: breadcrumbs, an <h1>, one line of description, actions. */
export function PageHeader({ title, description, actions, breadcrumbs, className }: PageHeaderProps) {
  const t = useTranslations("common");
  return (
    <div className={cn("mb-6 flex flex-col gap-3", className)}>
      {breadcrumbs && breadcrumbs.length > 0 && (
        <nav aria-label={t("breadcrumb")} className="flex items-center gap-1 text-sm text-muted-foreground">
          {breadcrumbs.map((b) => (
            <span key={b.href} className="flex items-center gap-1">
              <Link href={b.href} className="hover:text-foreground">
                {b.label}
              </Link>
              <ChevronRight className="size-3.5" />
            </span>
          ))}
        </nav>
      )}
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 space-y-1">
          <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
          {description && <p className="max-w-2xl text-sm text-muted-foreground">{description}</p>}
        </div>
        {actions && <div className="flex shrink-0 items-center gap-2">{actions}</div>}
      </div>
    </div>
  );
}
