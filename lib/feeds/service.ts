import { writeAudit } from "@/lib/audit/audit";
import { diffSnapshots, snapshot, writeAlternations } from "@/lib/customers/alternations";
import type { ChangeAuthor } from "@/lib/customers/author";
import { findCustomerDetail } from "@/lib/customers/repository";
import { customerNotFound } from "@/lib/customers/service";
import { db, type DbOrTx } from "@/lib/db/client";
import { resolveOption } from "@/lib/options/service";
import { tenantTimeZone } from "@/lib/tenants/time-zone";
import {
  asFeedRecord,
  callLogSelect,
  countFeedRecords,
  findFeedRecords,
  followUpSelect,
  smsSelect,
  ticketSelect,
  type FeedRecord,
} from "./repository";
import { sanitizeTicketHtml } from "./sanitize";
import type { AddFeedItem, FeedKind } from "./schemas";

async function requireLiveCustomer(tenantId: number, customerId: number, tx: DbOrTx) {
  const c = await tx.customer.findFirst({ where: { tenantId, id: customerId, deletedAt: null }, select: { id: true } });
  if (!c) throw customerNotFound();
}

/** One kind's page (1-based), newest first, with the kind's total for this customer. */
export async function listFeedPage(
  tenantId: number,
  customerId: number,
  kind: FeedKind,
  page: number,
  pageSize: number,
  tx: DbOrTx = db,
): Promise<{ items: FeedRecord[]; total: number }> {
  await requireLiveCustomer(tenantId, customerId, tx);
  const where = { tenantId, customerId };
  const [total, items] = await Promise.all([
    countFeedRecords(kind, where, tx),
    findFeedRecords(kind, { where, skip: (page - 1) * pageSize, take: pageSize }, tx),
  ]);
  return { items, total };
}

// The console's merged timeline (events and every history kind) is in ./timeline.ts.

// ─── Adding to a customer's history ─────────────────────────────────────────────────────────

/**
 * Adds a follow-up, ticket, call log or SMS log. A follow-up also counts towards the customer's
 * followNum and lastFollowTime, and a deal flag given with it becomes the customer's (recorded as
 * an Alternation). Ticket HTML is sanitised. One transaction, with its AuditLog row.
 */
export async function addFeedItem(tenantId: number, author: ChangeAuthor, customerId: number, input: AddFeedItem): Promise<FeedRecord> {
  return db.$transaction(async (tx) => {
    const before = await findCustomerDetail(tenantId, customerId, tx);
    if (!before) throw customerNotFound();
    const common = { tenantId, customerId };
    let record: FeedRecord;
    switch (input.kind) {
      case "followUp": {
        const dealFlag = input.dealFlagId != null ? await resolveOption(tenantId, "dealFlag", { id: input.dealFlagId }, tx) : null;
        const row = await tx.followUp.create({
          data: { ...common, content: input.content, dealFlagId: dealFlag?.id ?? null, authorNo: author.loginNo, authorName: author.name },
          select: followUpSelect,
        });
        await tx.customer.update({
          where: { id: customerId },
          data: {
            followNum: { increment: 1 },
            lastFollowTime: row.createdAt,
            ...(dealFlag && dealFlag.id !== before.dealFlag?.id ? { dealFlagId: dealFlag.id, updatedByNo: author.loginNo } : {}),
          },
        });
        if (dealFlag && dealFlag.id !== before.dealFlag?.id) {
          const tz = await tenantTimeZone(tenantId, tx);
          const after = (await findCustomerDetail(tenantId, customerId, tx))!;
          await writeAlternations(tenantId, customerId, diffSnapshots(snapshot(before, tz), snapshot(after, tz)), author, tx);
        }
        record = asFeedRecord("followUp", row);
        break;
      }
      case "ticket": {
        const row = await tx.ticket.create({
          data: {
            ...common,
            title: input.title,
            content: sanitizeTicketHtml(input.content),
            status: input.status || undefined,
            urgency: input.urgency || undefined,
            handlerNo: input.handlerNo || author.loginNo,
            createdByNo: author.loginNo,
          },
          select: ticketSelect,
        });
        record = asFeedRecord("ticket", row);
        break;
      }
      case "callLog": {
        const row = await tx.callLog.create({
          data: { ...common, callType: input.callType, result: input.result || null, durationSec: input.durationSec, phone: input.phone || null, createdByNo: author.loginNo },
          select: callLogSelect,
        });
        record = asFeedRecord("callLog", row);
        break;
      }
      case "sms": {
        const row = await tx.smsLog.create({
          data: { ...common, direction: input.direction, content: input.content, phone: input.phone || null, status: input.status, createdByNo: author.loginNo },
          select: smsSelect,
        });
        record = asFeedRecord("sms", row);
        break;
      }
    }
    await writeAudit(tx, tenantId, author.actor, {
      action: `feed.${record.kind}.create`,
      entity: { followUp: "FollowUp", ticket: "Ticket", callLog: "CallLog", sms: "SmsLog", alternation: "Alternation" }[record.kind],
      entityId: record.id,
      details: { customerId },
    });
    return record;
  });
}
