import { createSegmentSchema } from "@/lib/segments/schemas";
import { createSegment, listSegments } from "@/lib/segments/service";
import { withSession } from "@/lib/http/with-session";

/** GET → the tenant's segments with live counts; POST {name, description?, rules} → 201 the segment. */
export const GET = withSession({ permission: "read" }, ({ tenantId }) => listSegments(tenantId));

export const POST = withSession({ permission: "write", body: createSegmentSchema, status: 201 }, ({ tenantId, body }) =>
  createSegment(tenantId, body),
);
