import { segmentIdParamsSchema } from "@/lib/segments/schemas";
import { duplicateSegment } from "@/lib/segments/service";
import { withSession } from "@/lib/http/with-session";

/** POST → 201 a copy named "<name> (copy)". */
export const POST = withSession({ permission: "write", params: segmentIdParamsSchema, status: 201 }, ({ tenantId, params: { id } }) =>
  duplicateSegment(tenantId, id),
);
