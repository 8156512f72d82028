import { describe, expect, it, vi } from "vitest";

vi.mock("@/lib/auth/session", () => ({ currentUser: vi.fn() }));

import { GET } from "@/app/api/dashboard/route";
import { currentUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { makeTenant, makeUser } from "@/lib/test/factories";

describe("GET /api/dashboard", () => {
  it("answers the signed-in user's tenant to any role, and 401 to nobody", async () => {
    const tenant = await makeTenant();
    const other = await makeTenant();
    await db.customer.createMany({ data: [{ tenantId: tenant.id, name: "a" }, { tenantId: tenant.id, name: "b" }, { tenantId: other.id, name: "c" }] });
    const viewer = await makeUser(tenant.id, "viewer");
    vi.mocked(currentUser).mockResolvedValue({
      id: viewer.id,
      email: viewer.email,
      name: viewer.name,
      role: "viewer",
      loginNo: viewer.loginNo,
      tenantId: tenant.id,
      tenant: { id: tenant.id, slug: tenant.slug, name: tenant.name, timeZone: tenant.timeZone },
    });
    const res = await GET(new Request("http://localhost/api/dashboard"));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ totalCustomers: 2, eventsToday: 0, timeZone: "Asia/Shanghai" });
    expect(body.eventsPerDay).toHaveLength(30);

    vi.mocked(currentUser).mockResolvedValue(null);
    expect((await GET(new Request("http://localhost/api/dashboard"))).status).toBe(401);
  });
});
