/** What the dashboard shows: the JSON of GET /api/dashboard and the props of the dashboard page. */

/** How many days the chart and the top event types cover, today included. */
export const DASHBOARD_DAYS = 30;
/** How many event types the "top event types" card lists. */
export const TOP_EVENT_TYPES = 5;

export interface DayCount {
  /** the calendar day in the tenant's time zone, "yyyy-MM-dd" */
  date: string;
  count: number;
}

export interface EventTypeCount {
  eventTypeId: number;
  eventKey: string;
  name: string;
  count: number;
}

export interface DashboardSummary {
  /** the tenant's time zone, in which days and weeks are counted */
  timeZone: string;
  /** today in the tenant's time zone, "yyyy-MM-dd" */
  today: string;
  /** live (not deleted) customers */
  totalCustomers: number;
  /** events that happened today, in the tenant's time zone */
  eventsToday: number;
  /** events that happened since Monday 00:00, in the tenant's time zone */
  eventsThisWeek: number;
  /** one entry per day of the last DASHBOARD_DAYS days, oldest first, ending today; days without events count 0 */
  eventsPerDay: DayCount[];
  /** the most recorded event types of the same days, most first (ties by name) */
  topEventTypes: EventTypeCount[];
}
