import { z } from "zod";

/** Query and param schemas of the console's scenario routes (app/api/scenarios, app/api/custom-events). */
export const idParams = z.object({ id: z.coerce.number().int().positive() });
export const runParams = z.object({ runId: z.coerce.number().int().positive() });
export const customerParams = z.object({ customerId: z.coerce.number().int().positive() });
export const runsQuery = z.object({
  page: z.coerce.number().int().min(1).optional(),
  pageSize: z.coerce.number().int().min(1).max(100).optional(),
  status: z.enum(["queued", "running", "waiting", "completed", "failed", "cancelled"]).optional(),
});
