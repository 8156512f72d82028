import { CalendarDays, CalendarRange, UsersRound } from "lucide-react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { DashboardSummary } from "@/lib/dashboard/schemas";
import { EventsChart } from "./events-chart";
import { StatCard } from "./stat-card";
import { TopEventTypes } from "./top-event-types";

/** The dashboard's body: three figures, the events chart and the top event types. */
export function DashboardView({ data }: { data: DashboardSummary }) {
  const days = data.eventsPerDay.length;
  return (
    <div className="space-y-6">
      <div className="grid gap-4 sm:grid-cols-3">
        <StatCard label="Customers" value={data.totalCustomers} hint="Everyone in your workspace" icon={UsersRound} />
        <StatCard label="Events today" value={data.eventsToday} hint={`Since midnight (${data.timeZone})`} icon={CalendarDays} />
        <StatCard label="Events this week" value={data.eventsThisWeek} hint="Since Monday 00:00" icon={CalendarRange} />
      </div>
      <div className="grid gap-4 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>Events per day</CardTitle>
            <CardDescription>
              The last {days} days, {data.eventsPerDay[0]?.date} to {data.today}, by day in {data.timeZone}.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <EventsChart days={data.eventsPerDay} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Top event types</CardTitle>
            <CardDescription>Most recorded in the last {days} days.</CardDescription>
          </CardHeader>
          <CardContent>
            <TopEventTypes items={data.topEventTypes} />
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
