import type { WireColumns } from "./repository";
import { canonicalAttributeType, CONTEXT_FIELDS, type ContextField } from "./schemas";
import { formatTenantDay, formatTenantTime } from "./time";

/** One item of `queryByCustomerId`, exactly the seed's fields; absent optional values are null. */
export type WireEvent = {
  event: string;
  eventName: string;
  eventValue: string | null;
  happenTime: string;
  time: string;
  attrValueList: { attrKey: string; attrValue: string; type: string }[];
} & Record<ContextField, string | null>;

export function toWireEvent(e: WireColumns, timeZone: string): WireEvent {
  const out = {
    event: e.eventKey,
    eventName: e.eventName,
    eventValue: e.eventValue ?? null,
    happenTime: formatTenantTime(e.happenTime, timeZone),
    time: formatTenantDay(e.happenTime, timeZone),
  } as WireEvent;
  for (const f of CONTEXT_FIELDS) out[f] = e[f] ?? null;
  out.attrValueList = e.attributes.map((a) => ({
    attrKey: a.attrKey,
    attrValue: a.value,
    type: canonicalAttributeType(a.type) ?? a.type,
  }));
  return out;
}

/** `batchCreate` answers `{index, ok, error?}` per item, in the order the items came. */
export interface WireBatchItem {
  index: number;
  ok: boolean;
  error?: string;
}

export function toWireBatchItem(r: { index: number; ok: boolean; error?: { message: string } }): WireBatchItem {
  return r.ok ? { index: r.index, ok: true } : { index: r.index, ok: false, error: r.error?.message ?? "failed" };
}
