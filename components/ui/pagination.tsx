"use client";

import { ChevronLeft, ChevronRight, ChevronsLeft, ChevronsRight } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";
import { cn } from "@/lib/utils";

export interface PaginationProps {
  /** 1-based */
  page: number;
  pageSize: number;
  total: number;
  onPageChange: (page: number) => void;
  onPageSizeChange?: (pageSize: number) => void;
  pageSizeOptions?: number[];
  className?: string;
}

/** "21–40 of 1,234" with first/previous/next/last, and a page-size picker when onPageSizeChange is given. */
export function Pagination({
  page,
  pageSize,
  total,
  onPageChange,
  onPageSizeChange,
  pageSizeOptions = [10, 20, 50, 100],
  className,
}: PaginationProps) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  const t = useTranslations("common.pagination");
  const format = useFormatter();
  const n = (v: number) => format.number(v);
  return (
    <nav aria-label={t("label")} className={cn("flex flex-wrap items-center justify-between gap-3 text-sm", className)}>
      <p className="text-muted-foreground">
        {total === 0 ? t("noRows") : t("range", { from: n(from), to: n(to), total: n(total) })}
      </p>
      <div className="flex items-center gap-3">
        {onPageSizeChange && (
          <label className="flex items-center gap-2 text-muted-foreground">
            {t("rows")}
            <NativeSelect
              className="w-20"
              value={pageSize}
              onChange={(e) => onPageSizeChange(Number(e.target.value))}
              aria-label={t("rowsPerPage")}
            >
              {pageSizeOptions.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </NativeSelect>
          </label>
        )}
        <span className="text-muted-foreground tabular-nums">
          {t("page", { page, pages })}
        </span>
        <div className="flex items-center gap-1">
          <Button variant="outline" size="icon-sm" aria-label={t("first")} disabled={page <= 1} onClick={() => onPageChange(1)}>
            <ChevronsLeft />
          </Button>
          <Button variant="outline" size="icon-sm" aria-label={t("previous")} disabled={page <= 1} onClick={() => onPageChange(page - 1)}>
            <ChevronLeft />
          </Button>
          <Button variant="outline" size="icon-sm" aria-label={t("next")} disabled={page >= pages} onClick={() => onPageChange(page + 1)}>
            <ChevronRight />
          </Button>
          <Button variant="outline" size="icon-sm" aria-label={t("last")} disabled={page >= pages} onClick={() => onPageChange(pages)}>
            <ChevronsRight />
          </Button>
        </div>
      </div>
    </nav>
  );
}
