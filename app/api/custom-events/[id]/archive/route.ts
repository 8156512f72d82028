import { archiveCustomEvent } from "@/lib/custom-events/service";
import { withSession } from "@/lib/http/with-session";
import { idParams } from "@/lib/scenarios/console";

/** POST → CustomEventView (archived: true). `id` is the custom event's number. */
export const POST = withSession({ permission: "write", params: idParams }, ({ tenantId, params }) => archiveCustomEvent(tenantId, params.id));
