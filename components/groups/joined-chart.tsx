"use client";

import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import { useForm } from "react-hook-form";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useFormResolver } from "@/components/i18n/use-form-resolver";
import { useDates } from "@/components/i18n/use-dates";
import { useErrorText } from "@/components/i18n/use-error-text";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { dayRangeSchema, type DayRange } from "@/lib/groups/console";
import { useJoined, type Joined } from "./use-groups";

/**
 * Members joined per day (recharts) and how many joined in the chosen range of days — the count is
 * the lists dialect's memberCount, the same service. The range form checks start ≤ end.
 */
export function JoinedChart({ groupId, initialRange, initial }: { groupId: number; initialRange: DayRange; initial: Joined }) {
  const t = useTranslations("groups.joined");
  const { errorText } = useErrorText();
  const dates = useDates();
  const [range, setRange] = useState(initialRange);
  const joined = useJoined(groupId, range, range === initialRange ? initial : undefined);
  const custom = useCallback(
    (issue: { message?: string }) => (issue.message === "range_reversed" ? t("reversed") : issue.message === "range_too_long" ? t("tooLong") : undefined),
    [t],
  );
  const form = useForm<DayRange, unknown, DayRange>({ resolver: useFormResolver(dayRangeSchema, custom), defaultValues: initialRange });
  const data = joined.data;
  const total = data?.days.reduce((s, d) => s + d.count, 0) ?? 0;

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <Form {...form}>
          <form onSubmit={form.handleSubmit((v) => setRange(v))} className="flex flex-wrap items-start gap-3" noValidate>
            {(["from", "to"] as const).map((name) => (
              <FormField
                key={name}
                control={form.control}
                name={name}
                render={({ field }) => (
                  <FormItem>
                    <FormLabel>{t(name)}</FormLabel>
                    <FormControl>
                      <Input type="date" className="w-44" {...field} />
                    </FormControl>
                    <FormMessage />
                  </FormItem>
                )}
              />
            ))}
            <Button type="submit" variant="outline" className="mt-[1.375rem]">
              {t("apply")}
            </Button>
          </form>
        </Form>
        {joined.isError && !data ? (
          <p role="alert" className="text-sm text-destructive">
            {t("loadFailed")}: {errorText(joined.error)}
          </p>
        ) : (
          <>
            <p className="text-sm" data-testid="joined-count">
              {data ? t("count", { count: data.count, from: range.from, to: range.to }) : "…"}
            </p>
            <figure className="h-56 w-full" aria-label={t("chartLabel", { total, days: data?.days.length ?? 0 })}>
              <ResponsiveContainer width="100%" height="100%">
                <BarChart data={data?.days ?? []} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
                  <CartesianGrid vertical={false} stroke="var(--border)" />
                  <XAxis dataKey="day" tickFormatter={(d: string) => d.slice(5)} tickLine={false} axisLine={false} minTickGap={16} fontSize={12} stroke="var(--muted-foreground)" />
                  <YAxis allowDecimals={false} tickLine={false} axisLine={false} fontSize={12} stroke="var(--muted-foreground)" tickFormatter={(v: number) => dates.number(v)} />
                  <Tooltip
                    cursor={{ fill: "var(--muted)" }}
                    contentStyle={{ background: "var(--popover)", border: "1px solid var(--border)", borderRadius: 6, fontSize: 12 }}
                    labelStyle={{ color: "var(--popover-foreground)" }}
                    formatter={(value) => [dates.number(Number(value)), t("members")]}
                  />
                  <Bar dataKey="count" fill="var(--primary)" radius={[3, 3, 0, 0]} isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </figure>
          </>
        )}
      </CardContent>
    </Card>
  );
}
