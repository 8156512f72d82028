import { getTranslations } from "next-intl/server";
import { customerCsvStream, EXPORT_COLUMNS } from "@/lib/customers/export";
import { customerListQuerySchema } from "@/lib/customers/schemas";
import { z } from "zod";
import { withSession } from "@/lib/http/with-session";

const exportQuery = customerListQuerySchema.extend({ header: z.enum(["api", "local"]).optional() });

export const dynamic = "force-dynamic";

/**
 * GET: the customers of the list's current filter and sort as CSV (UTF-8 with BOM), streamed, at
 * most 100,000 rows. The header is in the user's language; `?header=api` gives the API names.
 */
export const GET = withSession({ permission: "read", query: exportQuery }, async ({ tenantId, query }) => {
  const t = await getTranslations("customers.csvColumns");
  const header = query.header === "api" ? [...EXPORT_COLUMNS] : EXPORT_COLUMNS.map((c) => t(c));
  const stamp = new Date().toISOString().slice(0, 10).replace(/-/g, "");
  return new Response(customerCsvStream(tenantId, query, header), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="customers-${stamp}.csv"`,
      "cache-control": "no-store",
    },
  });
});
