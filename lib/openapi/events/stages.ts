import { z } from "zod";
import type { Stage } from "@/lib/stages/schemas";

/** `GET /openapi/stage/queryList` (beyond the seed): the ids `event-type/add` needs as `stageId`. */
export const wireStageSchema = z
  .object({
    stageId: z.number().int().describe("阶段id, the stageId of event types"),
    stageName: z.string().describe("阶段名称"),
    sort: z.number().int().describe("Position, smaller first"),
  })
  .meta({ id: "EventsStage" });
export type WireStage = z.infer<typeof wireStageSchema>;

export const toWireStage = (s: Stage): WireStage => ({ stageId: s.id, stageName: s.name, sort: s.sort });
