"use client";

import { Loader2 } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useErrorText } from "@/components/i18n/use-error-text";
import { useDates } from "@/components/i18n/use-dates";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ApiError } from "@/lib/http/fetch-json";
import type { useLivePreview } from "./use-segments";

/** The live count and the first members of the rule being edited. */
export function PreviewPanel({ preview, incomplete }: { preview: ReturnType<typeof useLivePreview>; incomplete: boolean }) {
  const t = useTranslations("segments.preview");
  const { number } = useDates();
  const { errorText } = useErrorText();
  const data = preview.data;
  const refused = preview.error instanceof ApiError && preview.error.reason === "segment_rule_invalid";
  return (
    <Card aria-busy={preview.isFetching} data-testid="segment-preview">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          {t("title")}
          {preview.isFetching && <Loader2 className="size-4 animate-spin text-muted-foreground" aria-label={t("counting")} />}
        </CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        {incomplete ? (
          <p className="text-sm text-muted-foreground">{t("incomplete")}</p>
        ) : preview.isError ? (
          <p role="alert" className="text-sm text-destructive">
            {refused ? t("refused") : errorText(preview.error)}
          </p>
        ) : (
          <p className="text-sm">
            <span className="text-3xl font-semibold tabular-nums" data-testid="segment-count">
              {data ? number(data.count) : "—"}
            </span>{" "}
            <span className="text-muted-foreground">{t("customers", { count: data?.count ?? 0 })}</span>
          </p>
        )}
        {!incomplete && !preview.isError && data && data.members.length > 0 && (
          <div>
            <h4 className="mb-2 text-sm font-medium">{t("firstMembers", { count: data.members.length })}</h4>
            <ul className="divide-y rounded-md border text-sm" data-testid="segment-members">
              {data.members.map((m) => (
                <li key={m.id} className="flex items-center justify-between gap-2 px-3 py-1.5">
                  <Link href={`/customers/${m.id}`} className="truncate font-medium hover:underline">
                    {m.custname || `#${m.id}`}
                  </Link>
                  <span className="truncate text-xs text-muted-foreground">{m.email ?? m.crmId ?? ""}</span>
                </li>
              ))}
            </ul>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
