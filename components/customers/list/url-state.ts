import { customerListQuerySchema, type CustomerListQuery } from "@/lib/customers/schemas";

/**
 * The customers list's state lives in the URL (`/customers?q=138&stageId=3&sort=score&order=desc&page=2`)
 * so that a filtered view is a link to share and back/forward step through views. Shared by the
 * server page (first paint) and the client list, so both read a URL the same way.
 */

export const FILTER_KEYS = ["taskId", "ownerId", "typeId", "dealFlagId", "sourceId", "stageId", "labelId"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

const DEFAULTS = customerListQuerySchema.parse({});
export const DEFAULT_PAGE_SIZE = DEFAULTS.pageSize;
export const DEFAULT_SORT = { sort: DEFAULTS.sort, order: DEFAULTS.order };

const FIELDS = ["page", "pageSize", "sort", "order", "q", "departmentId", ...FILTER_KEYS] as const;

type ParamSource = URLSearchParams | Record<string, string | string[] | undefined>;

function read(source: ParamSource, key: string): string | undefined {
  if (source instanceof URLSearchParams) return source.get(key) ?? undefined;
  const v = source[key];
  return Array.isArray(v) ? v[0] : v;
}

/**
 * The list query a URL asks for. A parameter that does not validate (a hand-edited `page=x`) is
 * dropped rather than failing the page: the rest of the view still applies.
 */
export function queryFromParams(source: ParamSource): CustomerListQuery {
  const raw: Record<string, string> = {};
  for (const key of FIELDS) {
    const v = read(source, key);
    if (v === undefined || v === "") continue;
    if (customerListQuerySchema.shape[key].safeParse(v).success) raw[key] = v;
  }
  return customerListQuerySchema.parse(raw);
}

/** The search string of a query, leaving out what equals the defaults (short, stable links). */
export function paramsFromQuery(query: CustomerListQuery): URLSearchParams {
  const out = new URLSearchParams();
  if (query.q) out.set("q", query.q);
  for (const key of [...FILTER_KEYS, "departmentId"] as const) {
    if (query[key] !== undefined) out.set(key, String(query[key]));
  }
  if (query.sort !== DEFAULT_SORT.sort || query.order !== DEFAULT_SORT.order) {
    out.set("sort", query.sort);
    out.set("order", query.order);
  }
  if (query.pageSize !== DEFAULT_PAGE_SIZE) out.set("pageSize", String(query.pageSize));
  if (query.page > 1) out.set("page", String(query.page));
  return out;
}

/** How many filters (search included) narrow the list. */
export function activeFilterCount(query: CustomerListQuery): number {
  return FILTER_KEYS.filter((k) => query[k] !== undefined).length + (query.q ? 1 : 0) + (query.departmentId ? 1 : 0);
}
