import { randomBytes } from "node:crypto";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { eventsToken, expect, signed, type ApiKey } from "../fixtures";

/**
 * Small clients for the `events` and `customers` dialects, as an integrator would write them:
 * they send the dialect's credential and hand back the status, headers and parsed body.
 */

export interface Answer<T = Record<string, unknown>> {
  status: number;
  headers: Record<string, string>;
  body: T;
}

async function answer<T>(res: APIResponse): Promise<Answer<T>> {
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`${res.url()} answered ${res.status()} with a body that is not JSON: ${text.slice(0, 200)}`);
  }
  return { status: res.status(), headers: res.headers(), body: body as T };
}

/** A unique suffix, so tests sharing a worker's tenant never collide. */
export const uid = () => randomBytes(4).toString("hex");

/** A Chinese mobile number nobody else in the run uses. */
export const uniquePhone = () => `139${String(parseInt(randomBytes(4).toString("hex"), 16) % 100_000_000).padStart(8, "0")}`;

/** The body exactly as given: a string is sent as written (malformed JSON stays malformed). */
export const raw = (data: unknown) => Buffer.from(typeof data === "string" ? data : JSON.stringify(data));

// ─── events dialect ──────────────────────────────────────────────────────────────────────────

export interface EventsBody<T = unknown> {
  code: number;
  msg: string;
  data: T;
}

export interface EventsClient {
  token: string;
  post<T = unknown>(path: string, data: unknown, headers?: Record<string, string>): Promise<Answer<EventsBody<T>>>;
  get<T = unknown>(path: string): Promise<Answer<EventsBody<T>>>;
}

export async function eventsClient(request: APIRequestContext, key: ApiKey): Promise<EventsClient> {
  const token = await eventsToken(request, key);
  return {
    token,
    post: async (path, data, headers = {}) =>
      answer(
        await request.post(path, {
          headers: { token, "content-type": "application/json", ...headers },
          data: raw(data),
        }),
      ),
    get: async (path) => answer(await request.get(path, { headers: { token } })),
  };
}

/** Asserts the events dialect's error envelope and returns its msg. */
export function expectEventsError(res: Answer<EventsBody>, status: number, msg?: string | RegExp): string {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body).toEqual({ code: -1, msg: expect.any(String), data: null });
  if (typeof msg === "string") expect(res.body.msg).toBe(msg);
  else if (msg) expect(res.body.msg).toMatch(msg);
  return res.body.msg;
}

export function expectEventsOk<T>(res: Answer<EventsBody<T>>): T {
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.code).toBe(0);
  expect(res.body.msg).toBe("success");
  return res.body.data;
}

export interface WireStage {
  stageId: number;
  stageName: string;
  sort: number;
}

export async function stages(api: EventsClient): Promise<WireStage[]> {
  return expectEventsOk(await api.get<WireStage[]>("/openapi/stage/queryList"));
}

export interface WireAttr {
  attrKey: string;
  attrName: string;
  showInFlow: 0 | 1;
  type: string;
}

export interface EventTypeInput {
  eventKey: string;
  isInteract: "0" | "1";
  name: string;
  rating?: number | null;
  stageId: number;
  categoryCode?: string | null;
  attrList: WireAttr[];
}

/** Adds an event type and checks it was accepted. */
export async function addEventType(api: EventsClient, input: EventTypeInput): Promise<void> {
  expect(expectEventsOk(await api.post("/openapi/event-type/add", input))).toBeNull();
}

// ─── customers dialect ───────────────────────────────────────────────────────────────────────

export interface CustomersClient {
  url(action: string, query?: Record<string, string | number>, at?: number): string;
  get<T = Record<string, unknown>>(action: string, query?: Record<string, string | number>): Promise<Answer<T>>;
  post<T = Record<string, unknown>>(action: string, data: unknown, query?: Record<string, string | number>): Promise<Answer<T>>;
  put<T = Record<string, unknown>>(action: string, data: unknown, query?: Record<string, string | number>): Promise<Answer<T>>;
  delete<T = Record<string, unknown>>(action: string, query?: Record<string, string | number>): Promise<Answer<T>>;
}

export function customersClient(request: APIRequestContext, key: ApiKey): CustomersClient {
  const url = (action: string, query: Record<string, string | number> = {}, at?: number) => {
    const extra = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
    return `/openapi/customers/${action}?${signed(key, at)}${extra ? `&${extra}` : ""}`;
  };
  const body = (data: unknown) => ({
    headers: { "content-type": "application/json" },
    data: raw(data),
  });
  return {
    url,
    get: async (action, query) => answer(await request.get(url(action, query))),
    post: async (action, data, query) => answer(await request.post(url(action, query), body(data))),
    put: async (action, data, query) => answer(await request.put(url(action, query), body(data))),
    delete: async (action, query) => answer(await request.delete(url(action, query))),
  };
}

export interface WireCustomer {
  id: number;
  custname: string;
  custType: string | null;
  cellphones: { id: number; content: string }[];
  companyName: string | null;
  email: string | null;
  [field: string]: unknown;
}

/** Creates a customer through `create_customer` and returns it as answered. */
export async function createCustomer(api: CustomersClient, customer: Record<string, unknown>): Promise<WireCustomer> {
  const res = await api.post<{ success: boolean; code: number; customer: WireCustomer }>("create_customer", { customer });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.code).toBe(1000);
  return res.body.customer;
}

/** Asserts the customers dialect's error envelope. */
export function expectCustomersError(
  res: Answer,
  status: number,
  expected: { code: number; message: string; exception?: string | RegExp },
) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.success).toBe(false);
  expect(res.body.code).toBe(expected.code);
  expect(res.body.message).toBe(expected.message);
  if (typeof expected.exception === "string") expect(res.body.exception).toBe(expected.exception);
  else if (expected.exception) expect(res.body.exception).toMatch(expected.exception);
}
