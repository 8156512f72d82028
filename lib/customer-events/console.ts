import { tenantTimeZone } from "@/lib/tenants/time-zone";
import type { EventActor, RecordEventInput } from "./schemas";
import { recordEvent, type RecordedEvent } from "./service";
import { formatTenantTime } from "./time";

/**
 * The console's "record an event by hand": the body is parsed by the caller's `parse` (the console
 * posts the events dialect's body, validated alike), with the customer taken from the page, never
 * from the body, and happenTime defaulting to now in the tenant's time zone.
 */
export async function recordConsoleEvent(
  tenantId: number,
  customerId: number,
  raw: Record<string, unknown>,
  actor: EventActor,
  parse: (body: Record<string, unknown>) => RecordEventInput,
): Promise<RecordedEvent> {
  const timeZone = await tenantTimeZone(tenantId);
  const { identityType: _t, identityValue: _v, ...rest } = raw;
  const happenTime = rest.happenTime == null || rest.happenTime === "" ? formatTenantTime(new Date(), timeZone) : rest.happenTime;
  return recordEvent(tenantId, parse({ ...rest, customerId, happenTime }), actor, { timeZone });
}
