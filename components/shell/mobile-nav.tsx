"use client";

import { Menu } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Sheet, SheetContent, SheetDescription, SheetTitle, SheetTrigger } from "@/components/ui/sheet";
import { Logo } from "./logo";
import { SidebarNav } from "./nav";
import { UserMenu, type ShellUser } from "./user-menu";

/** Below the md breakpoint the sidebar lives in a sheet opened from the top bar. */
export function MobileNav({ user }: { user: ShellUser }) {
  const t = useTranslations("shell.mobile");
  const [open, setOpen] = useState(false);
  return (
    <Sheet open={open} onOpenChange={setOpen}>
      <SheetTrigger asChild>
        <Button variant="ghost" size="icon-sm" aria-label={t("open")}>
          <Menu />
        </Button>
      </SheetTrigger>
      <SheetContent side="left" className="w-72 gap-0 bg-sidebar p-0">
        <SheetTitle className="sr-only">{t("title")}</SheetTitle>
        <SheetDescription className="sr-only">{t("description")}</SheetDescription>
        <div className="flex h-14 items-center px-5">
          <Logo />
        </div>
        <div className="flex-1 overflow-y-auto py-2">
          <SidebarNav onNavigate={() => setOpen(false)} />
        </div>
        <div className="border-t border-sidebar-border p-3">
          <UserMenu user={user} />
        </div>
      </SheetContent>
    </Sheet>
  );
}
