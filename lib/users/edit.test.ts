import { describe, expect, it } from "vitest";
import { actorOfUser } from "@/lib/audit/audit";
import { db } from "@/lib/db/client";
import { isDomainError } from "@/lib/errors";
import { makeTenant, makeUser } from "@/lib/test/factories";
import { updateUser, verifyCredentials } from "./service";

describe("editing a user", () => {
  it("changes the login number, role and password, refuses a taken login number, and audits each change", async () => {
    const tenant = await makeTenant();
    const admin = await makeUser(tenant.id);
    const staff = await makeUser(tenant.id, "marketer");
    const actor = actorOfUser(admin);

    const edited = await updateUser(tenant.id, staff.id, { loginNo: "trcs042", role: "viewer", name: "新名字" }, admin.id, actor);
    expect([edited.loginNo, edited.role, edited.name]).toEqual(["trcs042", "viewer", "新名字"]);

    const err = await updateUser(tenant.id, admin.id, { loginNo: "trcs042" }, admin.id, actor).catch((e) => e);
    expect(isDomainError(err) && err.reason).toBe("login_no_taken");

    await updateUser(tenant.id, staff.id, { password: "another-pass-1" }, admin.id, actor);
    expect(await verifyCredentials(staff.email, "another-pass-1")).not.toBeNull();
    await updateUser(tenant.id, staff.id, { disabled: true }, admin.id, actor);
    expect(await verifyCredentials(staff.email, "another-pass-1")).toBeNull();

    const audit = await db.auditLog.findMany({ where: { tenantId: tenant.id, entity: "User" }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.action, a.details])).toEqual([
      ["user.update", { fields: ["name", "loginNo", "role"] }],
      ["user.password_reset", { fields: ["password"] }],
      ["user.deactivate", { fields: ["disabled"] }],
    ]);
  });
});
