import { customerKeys } from "@/lib/customers/query-keys";
import type { FeedKind } from "./schemas";

/** react-query keys of a customer's history (GET /api/customers/[id]/feeds); under the customer's key. */
export const feedKeys = {
  all: (customerId: number) => customerKeys.feeds(customerId),
  timeline: (customerId: number, kind?: FeedKind) => customerKeys.feed(customerId, kind),
};
