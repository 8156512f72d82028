"use client";

import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { DayCount } from "@/lib/dashboard/schemas";

/** Events per day as bars; every day of the range has a bar slot, days without events sit at zero. */
export function EventsChart({ days }: { days: DayCount[] }) {
  const t = useTranslations("dashboard");
  const total = days.reduce((s, d) => s + d.count, 0);
  return (
    <figure className="h-64 w-full" aria-label={t("chartLabel", { total, days: days.length })}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={days} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid vertical={false} stroke="var(--border)" />
          <XAxis
            dataKey="date"
            tickFormatter={(d: string) => d.slice(5)}
            tickLine={false}
            axisLine={false}
            minTickGap={16}
            fontSize={12}
            stroke="var(--muted-foreground)"
          />
          <YAxis allowDecimals={false} tickLine={false} axisLine={false} fontSize={12} stroke="var(--muted-foreground)" />
          <Tooltip
            cursor={{ fill: "var(--muted)" }}
            contentStyle={{ background: "var(--popover)", border: "1px solid var(--border)", borderRadius: 6, fontSize: 12 }}
            labelStyle={{ color: "var(--popover-foreground)" }}
            formatter={(value) => [value, t("events")]}
          />
          <Bar dataKey="count" fill="var(--primary)" radius={[3, 3, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
