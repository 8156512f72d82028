import type { FeedRecord } from "./repository";
import { sanitizeTicketHtml } from "./sanitize";

/** The console's JSON of one history item: `kind`, `id`, `at` (ISO) and the kind's own fields. */
export type FeedItem =
  | {
      kind: "ticket";
      id: number;
      at: string;
      title: string;
      /** sanitised HTML: still sanitise again (sanitizeTicketHtml) right before rendering */
      content: string;
      status: string;
      urgency: string;
      handlerNo: string | null;
      createdByNo: string | null;
    }
  | {
      kind: "followUp";
      id: number;
      at: string;
      content: string;
      dealFlag: { id: number; name: string } | null;
      authorNo: string | null;
      authorName: string | null;
    }
  | {
      kind: "callLog";
      id: number;
      at: string;
      callType: string;
      result: string | null;
      durationSec: number;
      phone: string | null;
      createdByNo: string | null;
    }
  | {
      kind: "sms";
      id: number;
      at: string;
      direction: string;
      phone: string | null;
      content: string;
      status: string;
      createdByNo: string | null;
    }
  | {
      kind: "alternation";
      id: number;
      at: string;
      field: string;
      oldValue: string | null;
      newValue: string | null;
      summary: string;
      authorNo: string | null;
      authorName: string;
    };

export function toFeedItem(r: FeedRecord): FeedItem {
  const at = r.createdAt.toISOString();
  switch (r.kind) {
    case "ticket":
      return {
        kind: r.kind,
        id: r.id,
        at,
        title: r.title,
        content: sanitizeTicketHtml(r.content),
        status: r.status,
        urgency: r.urgency,
        handlerNo: r.handlerNo,
        createdByNo: r.createdByNo,
      };
    case "followUp":
      return { kind: r.kind, id: r.id, at, content: r.content, dealFlag: r.dealFlag, authorNo: r.authorNo, authorName: r.authorName };
    case "callLog":
      return {
        kind: r.kind,
        id: r.id,
        at,
        callType: r.callType,
        result: r.result,
        durationSec: r.durationSec,
        phone: r.phone,
        createdByNo: r.createdByNo,
      };
    case "sms":
      return {
        kind: r.kind,
        id: r.id,
        at,
        direction: r.direction,
        phone: r.phone,
        content: r.content,
        status: r.status,
        createdByNo: r.createdByNo,
      };
    case "alternation":
      return {
        kind: r.kind,
        id: r.id,
        at,
        field: r.field,
        oldValue: r.oldValue,
        newValue: r.newValue,
        summary: r.summary,
        authorNo: r.authorNo,
        authorName: r.authorName,
      };
  }
}
