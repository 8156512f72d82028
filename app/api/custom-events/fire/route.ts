import { z } from "zod";
import { dataFieldSchema } from "@/lib/custom-events/schemas";
import { fireCustomEvent, fireCustomEventForSegments } from "@/lib/custom-events/trigger";
import { withSession } from "@/lib/http/with-session";

/**
 * The trigger panel: POST {customEventId, customerId | customerEmail | … , dataFields?} → {runs}, or
 * {customEventId, segments: [ids], dataFields?} → {fanOutId}.
 */
const body = z.object({
  customEventId: z.number().int().positive(),
  segments: z.array(z.number().int().positive()).min(1).max(100).optional(),
  customerId: z.number().int().positive().optional(),
  customerEmail: z.string().max(320).optional(),
  customerEmailMd5: z.string().max(32).optional(),
  customerEmailSha256: z.string().max(64).optional(),
  customerPhone: z.string().max(20).optional(),
  customerCrmId: z.string().max(128).optional(),
  dataFields: z.array(dataFieldSchema).max(100).optional(),
});

export const POST = withSession({ permission: "write", body, status: 201 }, ({ tenantId, body }) =>
  body.segments ? fireCustomEventForSegments(tenantId, { ...body, segments: body.segments }) : fireCustomEvent(tenantId, body),
);
