/**
 * Where to send a user after sign-in: a same-origin path only ("/customers?x=1"), never "//evil.com"
 * or "https://…"; anything else goes to the dashboard.
 */
export function safeRedirectPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) {
    return fallback;
  }
  if (value.startsWith("/sign-in") || value.startsWith("/api/auth")) return fallback;
  return value;
}
