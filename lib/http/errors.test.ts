import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fail } from "@/lib/errors";
import { consoleErrorBody } from "./console-error";
import { statusOf, toDomainError } from "./errors";

describe("toDomainError, the one mapper", () => {
  it("names the unique field of a P2002 in details[].path, without the tenant scope", () => {
    const e = toDomainError({ code: "P2002", meta: { target: ["tenantId", "eventKey"] } });
    expect(e).toMatchObject({ kind: "conflict", reason: "duplicate", params: { field: "eventKey" } });
    expect(e.details).toEqual([{ path: "eventKey", reason: "duplicate", message: "a record with this eventKey already exists" }]);
    // the driver adapter's shape (no target, fields on the cause)
    const pg = toDomainError({ code: "P2002", meta: { driverAdapterError: { cause: { constraint: { fields: ['"tenantId"', '"loginNo"'] } } } } });
    expect(pg.path).toBe("loginNo");
  });

  it("maps zod, P2025, P2003 and unknown faults to reasons; statusOf lives here", () => {
    const zod = toDomainError(z.object({ a: z.string() }).safeParse({}).error);
    expect(zod).toMatchObject({ reason: "invalid_input", kind: "invalid" });
    expect(zod.details[0].path).toBe("a");
    expect(toDomainError({ code: "P2025" }).reason).toBe("not_found");
    expect(toDomainError({ code: "P2003" }).reason).toBe("in_use");
    const unknown = toDomainError(new Error("SQLITE_CORRUPT at /secret/path"));
    expect(unknown).toMatchObject({ reason: "internal", message: "internal server error" });
    expect([statusOf("invalid"), statusOf("conflict"), statusOf("not_allowed"), statusOf("internal")]).toEqual([400, 409, 405, 500]);
  });
});

describe("the console's error body", () => {
  it("carries kind, reason, message, params and details with their own reason and params", () => {
    const body = consoleErrorBody(fail("phone_taken", "phone 139 is taken", { path: "phones.0", params: { phone: "139" } }));
    expect(body).toEqual({
      error: {
        kind: "conflict",
        reason: "phone_taken",
        message: "phone 139 is taken",
        params: { phone: "139" },
        details: [{ path: "phones.0", reason: "phone_taken", message: "phone 139 is taken", params: { phone: "139" } }],
      },
    });
  });
});
