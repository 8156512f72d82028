"use client";

import { Check, ChevronsUpDown, Languages, LogOut, Settings } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";
import { signOutAction } from "@/app/(auth)/actions";
import { Badge } from "@/components/ui/badge";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuSub,
  DropdownMenuSubContent,
  DropdownMenuSubTrigger,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { toast } from "@/components/ui/toast";
import { fetchJson } from "@/lib/http/fetch-json";
import { LOCALES, type Locale } from "@/lib/i18n/locales";

export interface ShellUser {
  name: string;
  email: string;
  role: string;
  tenantName: string;
}

const LOCALE_ROLES = ["admin", "marketer", "viewer"] as const;
type Role = (typeof LOCALE_ROLES)[number];

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "?") + (parts[1]?.[0] ?? "")).toUpperCase();
}

/** The signed-in user (name, role, tenant) with a sign-out item, at the foot of the sidebar. */
export function UserMenu({ user }: { user: ShellUser }) {
  const [pending, startTransition] = useTransition();
  const t = useTranslations("shell");
  const tErrors = useTranslations("errors");
  const locale = useLocale();
  const router = useRouter();
  const role = (LOCALE_ROLES as readonly string[]).includes(user.role) ? t(`user.roles.${user.role as Role}`) : user.role;

  async function chooseLocale(next: Locale) {
    if (next === locale) return;
    try {
      await fetchJson("/api/me", { method: "PATCH", body: JSON.stringify({ locale: next }) });
      router.refresh();
    } catch {
      toast.error(tErrors("internal"));
    }
  }

  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        data-testid="user-menu"
        className="flex w-full min-w-0 items-center gap-2.5 rounded-md p-1.5 text-left hover:bg-sidebar-accent focus-visible:ring-2 focus-visible:ring-ring/40 focus-visible:outline-none data-[state=open]:bg-sidebar-accent"
      >
        <span className="flex size-8 shrink-0 items-center justify-center rounded-md bg-primary/12 text-xs font-semibold text-primary">
          {initials(user.name)}
        </span>
        <span className="grid min-w-0 flex-1 leading-tight">
          <span className="truncate text-sm font-medium">{user.name}</span>
          <span className="truncate text-xs text-muted-foreground">
            {user.tenantName} · {role}
          </span>
        </span>
        <ChevronsUpDown className="size-4 shrink-0 text-muted-foreground" />
      </DropdownMenuTrigger>
      <DropdownMenuContent side="top" align="start" className="w-(--radix-dropdown-menu-trigger-width) min-w-56">
        <DropdownMenuLabel className="grid gap-1 font-normal">
          <span className="truncate font-medium">{user.name}</span>
          <span className="truncate text-xs text-muted-foreground">{user.email}</span>
          <span className="flex flex-wrap items-center gap-1.5 pt-1">
            <Badge variant="secondary">{role}</Badge>
            <span className="truncate text-xs text-muted-foreground">{user.tenantName}</span>
          </span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuSub>
          <DropdownMenuSubTrigger data-testid="language-menu">
            <Languages /> {t("user.language")}
          </DropdownMenuSubTrigger>
          <DropdownMenuSubContent>
            {LOCALES.map((l) => (
              <DropdownMenuItem key={l} lang={l} onSelect={() => void chooseLocale(l)} data-testid={`locale-${l}`}>
                <Check className={l === locale ? "opacity-100" : "opacity-0"} /> {t(`locales.${l}`)}
              </DropdownMenuItem>
            ))}
          </DropdownMenuSubContent>
        </DropdownMenuSub>
        <DropdownMenuItem asChild>
          <Link href="/settings">
            <Settings /> {t("user.settings")}
          </Link>
        </DropdownMenuItem>
        <DropdownMenuItem
          disabled={pending}
          onSelect={(e) => {
            e.preventDefault();
            startTransition(() => signOutAction());
          }}
        >
          <LogOut /> {pending ? t("user.signingOut") : t("user.signOut")}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
