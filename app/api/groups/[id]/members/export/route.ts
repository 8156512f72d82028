import { groupIdParamsSchema } from "@/lib/groups/console";
import { memberCsvStream } from "@/lib/groups/console-service";
import { withSession } from "@/lib/http/with-session";

/** GET: every member as CSV (UTF-8 with BOM), streamed in keyset pages. */
export const GET = withSession({ permission: "read", params: groupIdParamsSchema }, async ({ tenantId, params: { id } }) => {
  const body = await memberCsvStream(tenantId, id);
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="group-${id}-members.csv"`,
      "cache-control": "no-store",
    },
  });
});
