import { z } from "zod";
import {
  ATTRIBUTE_TYPES,
  eventAttributeInputSchema,
  eventTypeFormSchema,
  MAX_ATTRIBUTES,
  refineUniqueAttrKeys,
  type CreateEventTypeInput,
  type EventType,
  type EventTypeFlowGroup,
  type UpdateEventTypeInput,
} from "@/lib/event-types/schemas";
import { expected } from "@/lib/validation/messages";
import { acceptDataWrapper, isInteractWireSchema, showInFlowWireSchema, wireObject } from "./wire";

/**
 * The events dialect's event-type bodies and answers (seed 000), built from the domain's field
 * schemas so both validate alike, and the mapping between them and the domain. Wire names stay
 * the seed's (`attrList`, `isInteract` "0"/"1", `showInFlow` 0/1, `propertys`); the domain's are
 * camelCase words (`attributes`, booleans).
 */

const f = eventTypeFormSchema.shape;
const a = eventAttributeInputSchema.shape;

/** Names a flows group without a category (seed: `category` empty = ungrouped). */
export const UNGROUPED_NAME = "未分组";

export const wireAttributeSchema = wireObject({
  attrKey: a.attrKey,
  attrName: a.attrName,
  showInFlow: showInFlowWireSchema,
  type: a.type,
});

const attrListSchema = z
  .array(wireAttributeSchema, { error: expected("a list of attributes") })
  .max(MAX_ATTRIBUTES, `must have at most ${MAX_ATTRIBUTES} attributes`)
  .superRefine(refineUniqueAttrKeys)
  .describe("The type's attributes (事件属性列表); on update the given list replaces the previous one");

const eventTypeFields = {
  eventKey: f.eventKey,
  isInteract: isInteractWireSchema,
  name: f.name,
  rating: f.rating.optional().describe("Score added to the customer per recorded event (评分); null or absent = none"),
  stageId: f.stageId.describe("The stage a customer moves to when the event is recorded (阶段id); see GET /openapi/stage/queryList"),
  categoryCode: f.categoryCode
    .optional()
    .describe("Beyond the seed: the event category code that groups the type in listCustomerEventToFlows; null = ungrouped"),
  attrList: attrListSchema,
};

/** `POST /openapi/event-type/add` fields (top level, or inside `data`). */
export const addEventTypeFieldsSchema = wireObject(eventTypeFields).meta({ id: "EventsAddEventType" });
export const addEventTypeBodySchema = acceptDataWrapper(addEventTypeFieldsSchema);

/** `POST /openapi/event-type/update`: eventKey names the type; any other field present is changed. */
export const updateEventTypeFieldsSchema = wireObject({
  eventKey: f.eventKey.describe("The event type to change (its key itself never changes)"),
  isInteract: eventTypeFields.isInteract.optional(),
  name: eventTypeFields.name.optional(),
  rating: eventTypeFields.rating,
  stageId: eventTypeFields.stageId.optional(),
  categoryCode: eventTypeFields.categoryCode,
  attrList: attrListSchema.optional(),
}).meta({ id: "EventsUpdateEventType" });
export const updateEventTypeBodySchema = acceptDataWrapper(updateEventTypeFieldsSchema);

/** `POST /openapi/event-type/delete`: archives the type. */
export const deleteEventTypeFieldsSchema = wireObject({
  eventKey: f.eventKey.describe("The event type to delete (archive)"),
}).meta({ id: "EventsDeleteEventType" });
export const deleteEventTypeBodySchema = acceptDataWrapper(deleteEventTypeFieldsSchema);

export const queryEventTypesQuerySchema = z.object({
  searchKey: z
    .string({ error: "must be given once" })
    .max(100, "must be at most 100 characters")
    .optional()
    .describe("Matches the type's name or eventKey, case-insensitively; empty = all"),
});

type AddWire = z.output<typeof addEventTypeFieldsSchema>;
type UpdateWire = z.output<typeof updateEventTypeFieldsSchema>;
type AttrWire = z.output<typeof wireAttributeSchema>;

const attributeToDomain = (x: AttrWire) => ({ attrKey: x.attrKey, attrName: x.attrName, type: x.type, showInFlow: x.showInFlow === 1 });

export function addEventTypeToDomain(w: AddWire): CreateEventTypeInput {
  return {
    eventKey: w.eventKey,
    name: w.name,
    isInteract: w.isInteract === "0",
    rating: w.rating,
    stageId: w.stageId,
    categoryCode: w.categoryCode,
    attributes: w.attrList.map(attributeToDomain),
  };
}

export function updateEventTypeToDomain(w: UpdateWire): UpdateEventTypeInput {
  return {
    name: w.name,
    isInteract: w.isInteract === undefined ? undefined : w.isInteract === "0",
    rating: w.rating,
    stageId: w.stageId,
    categoryCode: w.categoryCode,
    attributes: w.attrList?.map(attributeToDomain),
  };
}

// ─── Answers ───────────────────────────────────────────────────────────────────────────────────

const attributeTypeOut = z.enum(ATTRIBUTE_TYPES).describe("text (文本), value (数值), Date (日期), DateTime (日期时间)");

export const wireEventTypeSchema = z
  .object({
    eventKey: z.string().describe("事件类型key"),
    isInteract: z.enum(["0", "1"]).describe('"0" = interactive, "1" = not'),
    name: z.string().describe("事件类型名称"),
    rating: z.number().int().nullable().describe("评分; null = none"),
    stageId: z.number().int().nullable().describe("阶段id"),
    stageName: z.string().nullable().describe("阶段名称"),
    categoryCode: z.string().nullable().describe("Beyond the seed: the event category code; null = ungrouped"),
    attrList: z.array(
      z.object({
        attrKey: z.string(),
        attrName: z.string(),
        showInFlow: z.enum({ hide: 0, show: 1 }),
        type: attributeTypeOut,
      }),
    ),
  })
  .meta({ id: "EventsEventType" });
export type WireEventType = z.infer<typeof wireEventTypeSchema>;

export const wireFlowGroupSchema = z
  .object({
    category: z.string().nullable().describe("The event category code; null = ungrouped"),
    name: z.string().describe(`The category's name (${UNGROUPED_NAME} for the ungrouped types)`),
    propertys: z
      .array(
        z.object({
          name: z.string().describe("The event type's name"),
          property: z.string().describe("The event type's eventKey"),
          props: z
            .array(z.object({ attrKey: z.string(), attrName: z.string(), type: attributeTypeOut }))
            .describe("Only the attributes with showInFlow = 1"),
        }),
      )
      .describe("The category's event types (spelled as the seed spells it)"),
  })
  .meta({ id: "EventsFlowGroup" });
export type WireFlowGroup = z.infer<typeof wireFlowGroupSchema>;

export function toWireEventType(t: EventType): WireEventType {
  return {
    eventKey: t.eventKey,
    isInteract: t.isInteract ? "0" : "1",
    name: t.name,
    rating: t.rating,
    stageId: t.stageId,
    stageName: t.stage?.name ?? null,
    categoryCode: t.categoryCode,
    attrList: t.attributes.map((x) => ({ attrKey: x.attrKey, attrName: x.attrName, showInFlow: x.showInFlow ? 1 : 0, type: x.type })),
  };
}

export function toWireFlows(groups: EventTypeFlowGroup[]): WireFlowGroup[] {
  return groups.map((g) => ({
    category: g.category?.code ?? null,
    name: g.category?.name ?? UNGROUPED_NAME,
    propertys: g.eventTypes.map((t) => ({ name: t.name, property: t.eventKey, props: t.attributes })),
  }));
}
