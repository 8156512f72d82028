import { headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { currentUser } from "@/lib/auth/session";
import { resolveLocale } from "@/lib/i18n/locales";
import { MESSAGES } from "./messages";

/**
 * The console's language for this request: the signed-in user's choice, else the browser's
 * `Accept-Language`, else the tenant's default. Dates show in the tenant's time zone.
 */
export default getRequestConfig(async () => {
  const [user, h] = await Promise.all([currentUser(), headers()]);
  const locale = resolveLocale({
    user: user?.locale,
    acceptLanguage: h.get("accept-language"),
    tenant: user?.tenant.locale,
  });
  return {
    locale,
    messages: MESSAGES[locale],
    timeZone: user?.tenant.timeZone ?? "Asia/Shanghai",
  };
});
