import { describe, expect, it } from "vitest";
import { isDomainError } from "@/lib/errors";
import { eventFailure } from "@/lib/customer-events/errors";
import { createCustomerEventBody, parseBatchItem } from "./customer-events";

/** What the whole create body's schema makes of an item: the reference parseBatchItem must match. */
function reference(raw: unknown) {
  const parsed = createCustomerEventBody.safeParse(raw);
  return parsed.success ? parsed.data : eventFailure(parsed.error);
}

const ok = { customerId: 7, event: "order_paid", happenTime: "2026-03-01 12:00:00" };

// Items as integrators send them: the usual few fields, every field, blanks, wrong types, junk.
const items: unknown[] = [
  ok,
  { ...ok, eventName: " 浏览 ", attrValueList: [{ attrKey: "url", attrValue: "/a", type: "text" }] },
  {
    identityType: "phone",
    identityValue: " 13800000000 ",
    event: " order_paid ",
    eventName: "x",
    eventValue: 12.5,
    happenTime: "2026-03-01 12:00:00",
    scheduledTime: "2026-03-02 12:00:00",
    attrValueList: [{ attrKey: "amount", attrValue: 12, type: "VALUE" }],
    source: "app",
    source1: 3,
    source8: "",
    province: "广东",
    city: null,
    district: "  ",
    latitude: "22.5",
    longitude: 114.1,
    eventId: "k-1",
    somethingElse: { nested: true },
  },
  { ...ok, customerId: "12" },
  { ...ok, customerId: null, identityType: "email", identityValue: "a@b.cn" },
  { ...ok, customerId: "abc" },
  { ...ok, customerId: -1, eventName: 5 },
  { event: "order_paid", happenTime: "2026-03-01 12:00:00" },
  { identityType: "phone", event: "order_paid", happenTime: "2026-03-01 12:00:00" },
  { identityValue: "x", event: "order_paid", happenTime: "2026-03-01 12:00:00" },
  { customerId: 7 },
  { ...ok, happenTime: "2026-02-30 10:00:00" },
  { ...ok, happenTime: 20260301, scheduledTime: "soon" },
  { ...ok, attrValueList: "no" },
  { ...ok, attrValueList: [{ attrKey: "" }, null] },
  { ...ok, attrValueList: Array.from({ length: 101 }, (_, i) => ({ attrKey: `a${i}`, attrValue: "v" })) },
  { ...ok, latitude: "91", longitude: "east" },
  { ...ok, eventId: "x".repeat(200) },
  { ...ok, event: "" },
  {},
  null,
  "an event",
  42,
  [ok],
  undefined,
];

describe("parseBatchItem", () => {
  it("gives what the create body's schema gives, for valid and invalid items alike", () => {
    for (const raw of items) {
      const got = parseBatchItem(raw);
      const want = reference(raw);
      expect(isDomainError(got)).toBe(isDomainError(want));
      if (isDomainError(got) && isDomainError(want)) {
        expect({ reason: got.reason, message: got.message, details: got.details }).toEqual({
          reason: want.reason,
          message: want.message,
          details: want.details,
        });
      } else {
        expect(got).toEqual(want);
      }
    }
  });

  it("parses a batch of items with different field sets, each as its own", () => {
    const batch = [ok, { ...ok, source: "web" }, ok, { ...ok, customerId: "x" }, { ...ok, source: "api" }];
    expect(batch.map(parseBatchItem).map((r) => (isDomainError(r) ? r.message : r.source ?? null))).toEqual([
      null,
      "web",
      null,
      expect.stringMatching(/customerId/),
      "api",
    ]);
  });
});
