import { describe, expect, it } from "vitest";
import { fromAcceptLanguage, resolveLocale } from "./locales";

describe("console language", () => {
  it("follows the browser's best-weighted language we speak", () => {
    expect(fromAcceptLanguage("en-GB,en;q=0.9,zh-CN;q=0.8")).toBe("en");
    expect(fromAcceptLanguage("fr-FR, zh-TW;q=0.7, en;q=0.5")).toBe("zh-CN");
    expect(fromAcceptLanguage("de;q=1, en;q=0")).toBeUndefined();
    expect(fromAcceptLanguage("")).toBeUndefined();
  });

  it("prefers the user's choice, then the browser, then the tenant", () => {
    expect(resolveLocale({ user: "en", acceptLanguage: "zh-CN", tenant: "zh-CN" })).toBe("en");
    expect(resolveLocale({ user: null, acceptLanguage: "zh-CN,zh;q=0.9", tenant: "en" })).toBe("zh-CN");
    expect(resolveLocale({ user: "xx", acceptLanguage: "de", tenant: "en" })).toBe("en");
    expect(resolveLocale({})).toBe("zh-CN");
  });
});
