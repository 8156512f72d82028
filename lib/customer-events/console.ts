import { createCustomerEventBody, type EventActor } from "./schemas";
import { tenantTimeZone } from "@/lib/tenants/time-zone";
import { recordEvent, type RecordedEvent } from "./service";
import { formatTenantTime } from "./time";

/**
 * The console's "record an event by hand": the API's body and validation (createCustomerEventBody),
 * with the customer taken from the page, never from the body, and happenTime defaulting to now in the
 * tenant's time zone.
 */
export async function recordConsoleEvent(
  tenantId: number,
  customerId: number,
  raw: Record<string, unknown>,
  actor: EventActor,
): Promise<RecordedEvent> {
  const timeZone = await tenantTimeZone(tenantId);
  const { identityType: _t, identityValue: _v, ...rest } = raw;
  const happenTime = rest.happenTime == null || rest.happenTime === "" ? formatTenantTime(new Date(), timeZone) : rest.happenTime;
  const input = createCustomerEventBody.parse({ ...rest, customerId, happenTime });
  return recordEvent(tenantId, input, actor, { timeZone });
}
