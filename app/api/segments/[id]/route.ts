import { segmentIdParamsSchema, updateSegmentSchema } from "@/lib/segments/schemas";
import { deleteSegment, getSegment, updateSegment } from "@/lib/segments/service";
import { withSession } from "@/lib/http/with-session";

const params = segmentIdParamsSchema;

export const GET = withSession({ permission: "read", params }, ({ tenantId, params: { id } }) => getSegment(tenantId, id));

/** Rename, describe or replace the rules (checked; a bad rule is a 400 naming its path). */
export const PATCH = withSession({ permission: "write", params, body: updateSegmentSchema }, ({ tenantId, params: { id }, body }) =>
  updateSegment(tenantId, id, body),
);

/** 409 segment_in_use while a scenario refers to it. */
export const DELETE = withSession({ permission: "write", params }, ({ tenantId, params: { id } }) => deleteSegment(tenantId, id));
