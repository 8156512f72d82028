"use client";

import { Columns3 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { DEFAULT_COLUMNS, OPTIONAL_COLUMNS, type OptionalColumn } from "./columns";

const STORAGE_KEY = "cdp.customers.columns";

/** The columns this browser shows, kept in localStorage (the defaults until the user picks). */
export function useVisibleColumns() {
  const [visible, setVisible] = useState<OptionalColumn[]>(DEFAULT_COLUMNS);
  useEffect(() => {
    try {
      const saved = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? "null") as unknown;
      if (Array.isArray(saved)) setVisible(OPTIONAL_COLUMNS.filter((c) => saved.includes(c)));
    } catch {
      // a damaged entry: keep the defaults
    }
  }, []);
  const toggle = useCallback((column: OptionalColumn, on: boolean) => {
    setVisible((prev) => {
      const next = OPTIONAL_COLUMNS.filter((c) => (c === column ? on : prev.includes(c)));
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
      return next;
    });
  }, []);
  return { visible, toggle };
}

export function ColumnChooser({ visible, onToggle }: { visible: OptionalColumn[]; onToggle: (c: OptionalColumn, on: boolean) => void }) {
  const t = useTranslations("customers.columns");
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="outline" size="sm">
          <Columns3 /> {t("chooser")}
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-48">
        <DropdownMenuLabel>{t("chooserTitle")}</DropdownMenuLabel>
        <DropdownMenuSeparator />
        {OPTIONAL_COLUMNS.map((c) => (
          <DropdownMenuCheckboxItem
            key={c}
            checked={visible.includes(c)}
            onCheckedChange={(on) => onToggle(c, on === true)}
            onSelect={(e) => e.preventDefault()}
          >
            {t(c)}
          </DropdownMenuCheckboxItem>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
