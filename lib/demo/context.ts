import type { OptionLists } from "@/lib/options/schemas";
import type { Random } from "./random";

/** What the demo's bulk data is built from: the tenant's reference records, looked up once. */
export interface DemoContext {
  tenantId: number;
  timeZone: string;
  now: Date;
  rnd: Random;
  /** console users who own customers */
  staff: { id: number; loginNo: string; name: string; departmentId: number | null }[];
  options: OptionLists;
  tasks: { id: number; name: string }[];
  labels: { id: number; name: string }[];
  fields: { id: number; name: string; type: string; options: string[] | null }[];
  eventTypes: DemoEventType[];
  /** `recordedBy` of the demo's events: the demo integration's API key */
  recordedBy: string | null;
}

export interface DemoEventType {
  id: number;
  eventKey: string;
  name: string;
  rating: number;
  stageId: number | null;
  /** 0 page view … 3 renewal: how far down the funnel the type is */
  depth: number;
}

/** One planned event of a customer's journey. */
export interface JourneyStep {
  type: DemoEventType;
  at: Date;
}

/** A customer as written, with what the events and feeds need to stay consistent with it. */
export interface SeededCustomer {
  id: number;
  name: string;
  createdAt: Date;
  place: { province: string; city: string; district: string };
  phones: string[];
  owner: DemoContext["staff"][number] | null;
  assignTime: Date | null;
  /** -1: no events yet; else the deepest event type of the journey */
  depth: number;
  journey: JourneyStep[];
  typeName: string | null;
  dealFlagId: number | null;
  dealFlagName: string | null;
  taskName: string | null;
  labels: string[];
  /** follow-ups the feeds will write (followNum and lastFollowTime are set from them) */
  followUps: Date[];
}
