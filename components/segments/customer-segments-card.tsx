"use client";

import { Filter } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useErrorText } from "@/components/i18n/use-error-text";
import { badgeVariants } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { useCustomerSegments } from "./use-segments";

/** The customer page's card: the segments this customer is in now, each linking to its segment. */
export function CustomerSegmentsCard({ customerId }: { customerId: number }) {
  const t = useTranslations("segments.customerCard");
  const { errorText } = useErrorText();
  const segments = useCustomerSegments(customerId);
  return (
    <Card data-testid="customer-segments" className="mt-6">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <Filter className="size-4" /> {t("title")}
        </CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent>
        {segments.isPending ? (
          <Skeleton className="h-6 w-40" />
        ) : segments.isError ? (
          <p className="text-sm text-destructive">{errorText(segments.error)}</p>
        ) : segments.data.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("none")}</p>
        ) : (
          <ul className="flex flex-wrap gap-2">
            {segments.data.map((s) => (
              <li key={s.id}>
                <Link href={`/segments/${s.id}`} className={badgeVariants({ variant: "secondary" }) + " hover:underline"}>
                  {s.name}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
