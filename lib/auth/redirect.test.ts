import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./redirect";

describe("safeRedirectPath", () => {
  it("keeps a same-origin path with its query", () => {
    expect(safeRedirectPath("/customers?stage=3")).toBe("/customers?stage=3");
  });

  it.each(["//evil.example", "/\\evil.example", "https://evil.example/", "javascript:alert(1)", "", null, 42])(
    "refuses %s and falls back to the dashboard",
    (value) => {
      expect(safeRedirectPath(value)).toBe("/");
    },
  );

  it("does not send the user back to the sign-in page", () => {
    expect(safeRedirectPath("/sign-in?callbackUrl=/x")).toBe("/");
  });
});
