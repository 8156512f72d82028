"use client";

import { CalendarDays, CalendarRange, UsersRound } from "lucide-react";
import { useTranslations } from "next-intl";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { DashboardSummary } from "@/lib/dashboard/schemas";
import { EventsChart } from "./events-chart";
import { StatCard } from "./stat-card";
import { TopEventTypes } from "./top-event-types";

/** The dashboard's body: three figures, the events chart and the top event types. */
export function DashboardView({ data }: { data: DashboardSummary }) {
  const t = useTranslations("dashboard");
  const days = data.eventsPerDay.length;
  return (
    <div className="space-y-6">
      <div className="grid gap-4 sm:grid-cols-3">
        <StatCard label={t("customers")} value={data.totalCustomers} hint={t("customersHint")} icon={UsersRound} />
        <StatCard label={t("eventsToday")} value={data.eventsToday} hint={t("eventsTodayHint", { timeZone: data.timeZone })} icon={CalendarDays} />
        <StatCard label={t("eventsThisWeek")} value={data.eventsThisWeek} hint={t("eventsThisWeekHint")} icon={CalendarRange} />
      </div>
      <div className="grid gap-4 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>{t("perDay")}</CardTitle>
            <CardDescription>
              {t("perDayDescription", { days, from: data.eventsPerDay[0]?.date ?? data.today, to: data.today, timeZone: data.timeZone })}
            </CardDescription>
          </CardHeader>
          <CardContent>
            <EventsChart days={data.eventsPerDay} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("top")}</CardTitle>
            <CardDescription>{t("topDescription", { days })}</CardDescription>
          </CardHeader>
          <CardContent>
            <TopEventTypes items={data.topEventTypes} />
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
