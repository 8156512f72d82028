import { TZDate } from "@date-fns/tz";
import { addDays, format, startOfDay, startOfWeek } from "date-fns";
import { tenantTimeZone } from "@/lib/tenants/time-zone";
import { countEventsPerWindow, countLiveCustomers, topEventTypes } from "./repository";
import { DASHBOARD_DAYS, TOP_EVENT_TYPES, type DashboardSummary } from "./schemas";

/** A plain Date: a TZDate's toISOString() carries the zone's offset, not the "Z" the SQL compares with. */
const instant = (d: Date) => new Date(d.getTime());

/**
 * The tenant's dashboard at `now`: days and weeks are calendar days of the tenant's time zone
 * (a day of a daylight-saving change is 23 or 25 hours long), weeks start on Monday.
 */
export async function getDashboard(tenantId: number, now: Date = new Date()): Promise<DashboardSummary> {
  const timeZone = await tenantTimeZone(tenantId);
  const today = startOfDay(new TZDate(now.getTime(), timeZone));
  const days = Array.from({ length: DASHBOARD_DAYS }, (_, i) => {
    const start = addDays(today, i - (DASHBOARD_DAYS - 1));
    return { date: format(start, "yyyy-MM-dd"), start: instant(start), end: instant(addDays(start, 1)) };
  });
  const weekStart = startOfWeek(today, { weekStartsOn: 1 });
  const from = days[0].start;
  const before = days.at(-1)!.end;

  const [totalCustomers, counts, top] = await Promise.all([
    countLiveCustomers(tenantId),
    countEventsPerWindow(tenantId, days),
    topEventTypes(tenantId, from, before, TOP_EVENT_TYPES),
  ]);
  const eventsPerDay = days.map((d, i) => ({ date: d.date, count: counts[i] }));
  return {
    timeZone,
    today: format(today, "yyyy-MM-dd"),
    totalCustomers,
    eventsToday: counts.at(-1) ?? 0,
    // the week never starts before the chart's first day (30 > 7), so its days are among the buckets
    eventsThisWeek: days.reduce((sum, d, i) => (d.start.getTime() >= weekStart.getTime() ? sum + counts[i] : sum), 0),
    eventsPerDay,
    topEventTypes: top,
  };
}
