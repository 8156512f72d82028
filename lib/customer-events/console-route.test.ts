import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("@/lib/auth/session", () => ({ currentUser: vi.fn() }));

import { POST as recordRoute } from "@/app/api/customers/[id]/events/route";
import { GET as timelineRoute } from "@/app/api/customers/[id]/feeds/route";
import { currentUser, type SessionUser } from "@/lib/auth/session";
import type { Role } from "@/lib/users/schemas";
import { customer, eventWorld, type EventWorld } from "@/lib/test/customer-events";

let signedIn: SessionUser | null = null;
beforeEach(() => {
  vi.mocked(currentUser).mockImplementation(async () => signedIn);
});

function signIn(w: EventWorld, role: Role) {
  const t = w.tenant;
  signedIn = { id: 1, email: "u@example.test", name: "王小明", role, loginNo: "8001", tenantId: t.id, tenant: { id: t.id, slug: t.slug, name: t.name, timeZone: t.timeZone } };
}

async function call(route: typeof recordRoute, id: number, init: { method: string; body?: unknown; query?: string }) {
  const req = new Request(`http://localhost/api/customers/${id}/x${init.query ?? ""}`, {
    method: init.method,
    headers: init.body === undefined ? {} : { "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const res = await route(req, { params: Promise.resolve({ id: String(id) }) });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- asserted field by field
  return { status: res.status, body: (await res.json()) as any };
}

describe("POST /api/customers/[id]/events", () => {
  it("records for the customer in the path; the timeline shows it; stage and score move", async () => {
    const w = await eventWorld();
    signIn(w, "marketer");
    const res = await call(recordRoute, w.alice.id, {
      method: "POST",
      body: { event: "order_paid", happenTime: "2026-03-01 12:00:00", attrValueList: [{ attrKey: "amount", attrValue: "99.5" }] },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ eventId: expect.any(Number), duplicate: false });
    expect(await customer(w.alice.id)).toEqual({ stageId: w.stages.paid.id, score: 10 });

    const tl = await call(timelineRoute, w.alice.id, { method: "GET", query: "?kind=event" });
    expect(tl.status).toBe(200);
    expect(tl.body.items).toEqual([
      expect.objectContaining({ kind: "event", eventKey: "order_paid", recordedBy: "user:1", attributes: [{ attrKey: "amount", type: "value", value: "99.5" }] }),
    ]);
  });

  it("answers the API's errors on the form's fields, and refuses a viewer", async () => {
    const w = await eventWorld();
    signIn(w, "marketer");
    const bad = await call(recordRoute, w.alice.id, { method: "POST", body: { event: "order_paid", happenTime: "soon" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([expect.objectContaining({ path: "happenTime" })]);
    const gone = await call(recordRoute, w.gone.id, { method: "POST", body: { event: "order_paid" } });
    expect(gone.status).toBe(404);

    signIn(w, "viewer");
    expect((await call(recordRoute, w.alice.id, { method: "POST", body: { event: "order_paid" } })).status).toBe(403);
    expect(await customer(w.alice.id)).toEqual({ stageId: null, score: 0 });
  });
});
