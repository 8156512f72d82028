import { describe, expect, it } from "vitest";
import { formatTenantDay, formatTenantTime, parseTenantDate, parseTenantTime, parseWallClock } from "./time";

describe("tenant wall-clock times", () => {
  it("reads yyyy-MM-dd HH:mm:ss in the tenant's zone and writes it back", () => {
    const instant = parseTenantTime("2026-01-01 02:00:00", "Asia/Shanghai");
    expect(instant.toISOString()).toBe("2025-12-31T18:00:00.000Z");
    expect(formatTenantTime(instant, "Asia/Shanghai")).toBe("2026-01-01 02:00:00");
    expect(formatTenantDay(instant, "Asia/Shanghai")).toBe("2026-01-01");
    expect(formatTenantDay(instant, "UTC")).toBe("2025-12-31");
  });

  it("follows daylight saving in zones that have it", () => {
    expect(parseTenantTime("2026-07-01 09:30:00", "America/New_York").toISOString()).toBe("2026-07-01T13:30:00.000Z");
    expect(parseTenantTime("2026-01-15 09:30:00", "America/New_York").toISOString()).toBe("2026-01-15T14:30:00.000Z");
    // 02:30 does not exist on 2026-03-08 in New York: the instant after the jump (03:30 EDT)
    expect(parseTenantTime("2026-03-08 02:30:00", "America/New_York").toISOString()).toBe("2026-03-08T07:30:00.000Z");
    // 01:30 happens twice on 2026-11-01: the first one (EDT)
    expect(parseTenantTime("2026-11-01 01:30:00", "America/New_York").toISOString()).toBe("2026-11-01T05:30:00.000Z");
    expect(formatTenantTime(new Date("2026-11-01T06:30:00Z"), "America/New_York")).toBe("2026-11-01 01:30:00");
  });

  it("reads a bare date as the start of that day in the zone", () => {
    expect(parseTenantDate("2026-05-04", "Asia/Shanghai").toISOString()).toBe("2026-05-03T16:00:00.000Z");
  });

  it("refuses malformed and impossible values", () => {
    for (const bad of ["2026-02-30 10:00:00", "2026-13-01 00:00:00", "2026-01-01 24:00:00", "2026-01-01T10:00:00", "2026/01/01 10:00:00", "2026-1-1 10:00:00", ""]) {
      expect(parseWallClock(bad), bad).toBeNull();
    }
    expect(parseWallClock("2028-02-29 23:59:59")).not.toBeNull();
    expect(parseWallClock("2026-02-29", true)).toBeNull();
    expect(() => parseTenantTime("2026-02-30 10:00:00", "UTC")).toThrow(/yyyy-MM-dd HH:mm:ss/);
  });
});
