import { explainQuerySchema } from "@/lib/segments/schemas";
import { explainSegment } from "@/lib/segments/service";
import { withSession } from "@/lib/http/with-session";

/** GET ?customerId=&segmentId= → {path, matched, children?}: which rules matched for this customer. */
export const GET = withSession({ permission: "read", query: explainQuerySchema }, ({ tenantId, query }) =>
  explainSegment(tenantId, query.segmentId, query.customerId),
);
