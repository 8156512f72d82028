import { z } from "zod";
import { withSession } from "@/lib/http/with-session";
import { LOCALES } from "@/lib/i18n/locales";
import { setUserLocale } from "@/lib/users/service";

const body = z.object({ locale: z.enum(LOCALES).nullable() });

/** The signed-in user's own preferences: the console language (null follows the browser). */
export const PATCH = withSession({ permission: "read", body }, async ({ tenantId, user, body }) => {
  await setUserLocale(tenantId, user.id, body.locale);
  return { locale: body.locale };
});
