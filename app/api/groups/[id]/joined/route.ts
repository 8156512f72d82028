import { dayRangeSchema, groupIdParamsSchema } from "@/lib/groups/console";
import { joinedBetweenDays } from "@/lib/groups/service";
import { withSession } from "@/lib/http/with-session";

/** GET `?from=yyyy-MM-dd&to=yyyy-MM-dd`: joins per day of the tenant's zone and the count in the whole range `{days, count}`. */
export const GET = withSession({ permission: "read", params: groupIdParamsSchema, query: dayRangeSchema }, ({ tenantId, user, params: { id }, query }) =>
  joinedBetweenDays(tenantId, id, { ...query, timeZone: user.tenant.timeZone }),
);
