import { customerIdParamsSchema } from "@/lib/segments/schemas";
import { segmentsOfCustomer } from "@/lib/segments/service";
import { withSession } from "@/lib/http/with-session";

/** GET → [{id, name}]: the segments this customer is in now. */
export const GET = withSession({ permission: "read", params: customerIdParamsSchema }, ({ tenantId, params: { id } }) =>
  segmentsOfCustomer(tenantId, id),
);
