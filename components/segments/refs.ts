import type { CustomFieldType } from "@/lib/custom-fields/schemas";
import type { AttributeType } from "@/lib/event-types/attribute-types";

/**
 * The tenant's data the rule builder offers as choices, loaded once by the page on the server
 * (app/(console)/segments/load-refs.ts). Values are what the rule format stores: option, label
 * names and staff login numbers as text; stages, departments, tasks and groups by id.
 */
export interface SegmentRefs {
  options: { custType: string[]; dealFlag: string[]; custFrom: string[] };
  stages: { id: number; name: string }[];
  labels: string[];
  owners: { loginNo: string; name: string }[];
  departments: { id: number; name: string }[];
  tasks: { id: number; name: string }[];
  /** null when groups cannot be listed here: the builder asks for a group id instead */
  groups: { id: number; name: string }[] | null;
  customFields: { id: number; name: string; type: CustomFieldType; options: string[] }[];
  eventTypes: { eventKey: string; name: string; attributes: { attrKey: string; attrName: string; type: AttributeType }[] }[];
}
