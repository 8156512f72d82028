import { randomUUID } from "node:crypto";
import { findCustomerIdByIdentity } from "@/lib/customers/identity";
import { db } from "@/lib/db/client";
import { fail } from "@/lib/errors";
import { JOB_KINDS } from "@/lib/jobs/constants";
import { enqueue } from "@/lib/jobs/repository";
import { startRunsForTrigger } from "@/lib/scenarios/runs";
import type { DataField } from "./schemas";
import { checkDataFields, findLiveCustomEvent } from "./service";

/**
 * Firing a custom event: for one customer (runs start in the request's transaction), or for the
 * union of segments (one fan-out row and its job committed; the worker expands it, see
 * lib/scenarios/fanout.ts). Shared by the scenarios dialect, the console and the CLI.
 */

/** How a trigger names its customer, highest priority first (seed 003). */
export const CUSTOMER_IDENTIFIERS = [
  ["customerId", "id"],
  ["customerEmail", "email"],
  ["customerEmailMd5", "emailMd5"],
  ["customerEmailSha256", "emailSha256"],
  ["customerPhone", "phone"],
  ["customerCrmId", "crmId"],
] as const;
export type CustomerRef = Partial<Record<(typeof CUSTOMER_IDENTIFIERS)[number][0], string | number>>;

/** The customer the highest-priority identifier names; a 404 when it names nobody (no fall-through). */
export async function resolveCustomer(tenantId: number, ref: CustomerRef): Promise<number> {
  const given = CUSTOMER_IDENTIFIERS.find(([k]) => ref[k] !== undefined && ref[k] !== null && ref[k] !== "");
  if (!given) throw fail("customer_ref_missing", "one of customerId, customerEmail, customerEmailMd5, customerEmailSha256, customerPhone, customerCrmId is required", { path: "customerId" });
  const [field, type] = given;
  const id = await findCustomerIdByIdentity(db, tenantId, type, String(ref[field]));
  if (id === null) throw fail("customer_not_found", `no customer with ${field} "${ref[field]}"`, { params: { field } });
  return id;
}

export interface FireInput extends CustomerRef {
  customEventId: number;
  dataFields?: DataField[];
}

/** Fires the custom event for one customer; returns how many active scenarios it entered. */
export async function fireCustomEvent(tenantId: number, input: FireInput, now = new Date()): Promise<{ runs: number }> {
  const ce = await findLiveCustomEvent(tenantId, input.customEventId);
  const dataFields = checkDataFields(ce.view.fields, input.dataFields ?? []);
  const customerId = await resolveCustomer(tenantId, input);
  const runs = await db.$transaction((tx) =>
    startRunsForTrigger(
      tx,
      { kind: "custom", tenantId, customerId, customEventId: ce.rowId, customEventNumber: ce.view.id, dataFields, at: now, key: `ce:${randomUUID()}` },
      now,
    ),
  );
  return { runs };
}

export const MAX_SEGMENTS = 100;

/** Queues the custom event for the union of segments; answers once the fan-out row is committed. */
export async function fireCustomEventForSegments(
  tenantId: number,
  input: { customEventId: number; segments: number[]; dataFields?: DataField[] },
  now = new Date(),
): Promise<{ fanOutId: number }> {
  const ce = await findLiveCustomEvent(tenantId, input.customEventId);
  const dataFields = checkDataFields(ce.view.fields, input.dataFields ?? []);
  const segments = [...new Set(input.segments)];
  if (!segments.length) throw fail("invalid_input", "segments must name at least one segment", { path: "segments" });
  if (segments.length > MAX_SEGMENTS) throw fail("invalid_input", `segments names at most ${MAX_SEGMENTS} segments`, { path: "segments" });
  const found = new Set((await db.segment.findMany({ where: { tenantId, id: { in: segments } }, select: { id: true } })).map((s) => s.id));
  const unknown = segments.find((s) => !found.has(s));
  if (unknown !== undefined) throw fail("segment_not_found", `segment ${unknown} not found`, { params: { id: unknown } });
  const fanOut = await db.$transaction(async (tx) => {
    const row = await tx.scenarioFanOut.create({
      data: { tenantId, customEventId: ce.rowId, segmentIds: segments, dataFields: dataFields as unknown as object, createdAt: now },
      select: { id: true },
    });
    await enqueue(tx, { kind: JOB_KINDS.scenarioFanOut, tenantId, payload: { fanOutId: Number(row.id) }, runAt: now, key: `fanout:${row.id}`, maxAttempts: 10 }, now);
    return row;
  });
  return { fanOutId: Number(fanOut.id) };
}
