import type { Prisma } from "@/generated/sqlite/client";
import type { DbOrTx } from "@/lib/db/client";
import type { FeedKind } from "./schemas";

/** The select shape of each feed kind's table. */
export const ticketSelect = {
  id: true,
  customerId: true,
  title: true,
  content: true,
  status: true,
  urgency: true,
  handlerNo: true,
  createdByNo: true,
  createdAt: true,
} satisfies Prisma.TicketSelect;

export const followUpSelect = {
  id: true,
  customerId: true,
  content: true,
  dealFlag: { select: { id: true, name: true } },
  authorNo: true,
  authorName: true,
  createdAt: true,
} satisfies Prisma.FollowUpSelect;

export const callLogSelect = {
  id: true,
  customerId: true,
  callType: true,
  result: true,
  durationSec: true,
  phone: true,
  createdByNo: true,
  createdAt: true,
} satisfies Prisma.CallLogSelect;

export const smsSelect = {
  id: true,
  customerId: true,
  direction: true,
  phone: true,
  content: true,
  status: true,
  createdByNo: true,
  createdAt: true,
} satisfies Prisma.SmsLogSelect;

export const alternationSelect = {
  id: true,
  customerId: true,
  field: true,
  oldValue: true,
  newValue: true,
  summary: true,
  authorNo: true,
  authorName: true,
  createdAt: true,
} satisfies Prisma.AlternationSelect;

/** A row with its 64-bit id as a JS number: ids stay below 2^53, and the wire carries JSON numbers. */
type NumberId<T extends { id: bigint }> = Omit<T, "id"> & { id: number };

export type FeedRecord =
  | ({ kind: "ticket" } & NumberId<Prisma.TicketGetPayload<{ select: typeof ticketSelect }>>)
  | ({ kind: "followUp" } & NumberId<Prisma.FollowUpGetPayload<{ select: typeof followUpSelect }>>)
  | ({ kind: "callLog" } & NumberId<Prisma.CallLogGetPayload<{ select: typeof callLogSelect }>>)
  | ({ kind: "sms" } & NumberId<Prisma.SmsLogGetPayload<{ select: typeof smsSelect }>>)
  | ({ kind: "alternation" } & NumberId<Prisma.AlternationGetPayload<{ select: typeof alternationSelect }>>);

/** A history row as a FeedRecord of its kind. */
export function asFeedRecord<K extends FeedRecord["kind"], R extends { id: bigint }>(kind: K, row: R) {
  return { ...row, kind, id: Number(row.id) };
}

/** A condition on createdAt (and id, for keyset paging) that every kind's table understands. */
export type FeedTimeCondition =
  | { createdAt: { lt?: Date; lte?: Date; gte?: Date } }
  | { OR: ({ createdAt: { lt: Date } } | { createdAt: Date; id: { lt: number } })[] };

/** Filter and window of one query; every kind's table is indexed by (customerId, createdAt). */
export interface FeedWhere {
  tenantId: number;
  customerId: number;
  /** further conditions, all of which hold (the merged timeline's date range and cursor) */
  AND?: FeedTimeCondition[];
}

export interface FeedWindow {
  where: FeedWhere;
  skip?: number;
  take: number;
}

const newestFirst = [{ createdAt: "desc" as const }, { id: "desc" as const }];

/** One page of one kind, newest first. */
export async function findFeedRecords(kind: FeedKind, w: FeedWindow, tx: DbOrTx): Promise<FeedRecord[]> {
  const args = { where: w.where, orderBy: newestFirst, skip: w.skip, take: w.take };
  switch (kind) {
    case "ticket":
      return (await tx.ticket.findMany({ ...args, select: ticketSelect })).map((r) => asFeedRecord(kind, r));
    case "followUp":
      return (await tx.followUp.findMany({ ...args, select: followUpSelect })).map((r) => asFeedRecord(kind, r));
    case "callLog":
      return (await tx.callLog.findMany({ ...args, select: callLogSelect })).map((r) => asFeedRecord(kind, r));
    case "sms":
      return (await tx.smsLog.findMany({ ...args, select: smsSelect })).map((r) => asFeedRecord(kind, r));
    case "alternation":
      return (await tx.alternation.findMany({ ...args, select: alternationSelect })).map((r) => asFeedRecord(kind, r));
  }
}

export function countFeedRecords(kind: FeedKind, where: { tenantId: number; customerId: number }, tx: DbOrTx): Promise<number> {
  switch (kind) {
    case "ticket":
      return tx.ticket.count({ where });
    case "followUp":
      return tx.followUp.count({ where });
    case "callLog":
      return tx.callLog.count({ where });
    case "sms":
      return tx.smsLog.count({ where });
    case "alternation":
      return tx.alternation.count({ where });
  }
}
