import { describe, expect, it } from "vitest";
import { consoleCustomerFormSchema, toE164 } from "./phone";

describe("console phone rule", () => {
  it("stores valid numbers in E.164, reading national numbers as Chinese", () => {
    expect(toE164("138 0013-8000")).toBe("+8613800138000");
    expect(toE164("010-12345678")).toBe("+861012345678");
    expect(toE164("+1 415 555 0100")).toBe("+14155550100");
    const form = consoleCustomerFormSchema.parse({ name: "甲", phones: [{ number: "13800138000" }] });
    expect(form.phones).toEqual([{ number: "+8613800138000" }]);
  });

  it("refuses what is not a phone number, on the phone's path, with its reason", () => {
    expect(toE164("12345")).toBeNull();
    expect(toE164("phone")).toBeNull();
    const r = consoleCustomerFormSchema.safeParse({ name: "甲", phones: [{ number: "12345" }] });
    expect(r.success).toBe(false);
    const issue = r.error!.issues[0] as { path: PropertyKey[]; params?: { reason?: string } };
    expect(issue.path).toEqual(["phones", 0, "number"]);
    expect(issue.params?.reason).toBe("phone_invalid");
  });
});
