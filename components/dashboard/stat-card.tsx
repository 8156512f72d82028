"use client";

import type { LucideIcon } from "lucide-react";
import { useFormatter } from "next-intl";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

/** One figure of the dashboard: a label, the number, and a line saying what it counts. */
export function StatCard({ label, value, hint, icon: Icon }: { label: string; value: number; hint: string; icon: LucideIcon }) {
  const format = useFormatter();
  return (
    <Card>
      <CardHeader className="flex-row items-center justify-between gap-2 pb-2">
        <CardTitle className="text-sm font-medium text-muted-foreground">{label}</CardTitle>
        <Icon className="size-4 text-muted-foreground" aria-hidden />
      </CardHeader>
      <CardContent>
        <p className="text-3xl font-semibold tabular-nums" aria-label={`${label}: ${value}`}>
          {format.number(value)}
        </p>
        <CardDescription className="mt-1">{hint}</CardDescription>
      </CardContent>
    </Card>
  );
}
