"use client";

import { Download } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { CustomerListQuery } from "@/lib/customers/schemas";
import { paramsFromQuery } from "./url-state";

/** Downloads the filtered, sorted list as CSV (GET /api/customers/export streams it). */
export function ExportButton({ query }: { query: CustomerListQuery }) {
  const t = useTranslations("customers.export");
  const params = paramsFromQuery({ ...query, page: 1 });
  params.delete("pageSize");
  const qs = params.toString();
  return (
    <Button variant="outline" size="sm" asChild title={t("hint")}>
      <a href={`/api/customers/export${qs ? `?${qs}` : ""}`} download>
        <Download /> {t("button")}
      </a>
    </Button>
  );
}
