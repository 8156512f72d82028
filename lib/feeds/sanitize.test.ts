import { describe, expect, it } from "vitest";
import { sanitizeTicketHtml } from "./sanitize";

describe("sanitizeTicketHtml", () => {
  it("drops scripts, event handlers, iframes, styles and javascript: links; keeps formatting", () => {
    const dirty =
      '<p style="color:red" onclick="steal()">客户<b>投诉</b><script>alert(document.cookie)</script>' +
      '<img src="https://cdn.example/a.png" onerror="alert(1)"><a href="javascript:alert(1)">x</a>' +
      '<a href="https://example.com" target="_blank">链接</a><iframe src="https://evil.example"></iframe>' +
      "<style>body{display:none}</style><svg onload=alert(1)></svg></p>";
    const clean = sanitizeTicketHtml(dirty);
    expect(clean).not.toMatch(/<script|onerror|onclick|onload|javascript:|<iframe|<style|<svg|style=/i);
    expect(clean).toContain("<b>投诉</b>");
    expect(clean).toContain('<img src="https://cdn.example/a.png" />');
    expect(clean).toContain('href="https://example.com"');
    expect(clean).toContain('rel="noopener noreferrer nofollow"');
  });

  it("is idempotent, so sanitising again before rendering changes nothing", () => {
    const once = sanitizeTicketHtml('<p>a<img src=x onerror=alert(1)><script>x</script></p>');
    expect(sanitizeTicketHtml(once)).toBe(once);
  });
});
