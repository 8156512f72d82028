import { groupListQuerySchema, type GroupListQueryParams } from "@/lib/groups/console";

/** The groups list's state in the URL (`/groups?q=金&sort=name&order=asc&page=2`), read the same by the server page and the client. */

const DEFAULTS = groupListQuerySchema.parse({});
const FIELDS = ["q", "sort", "order", "page", "pageSize"] as const;

type ParamSource = URLSearchParams | Record<string, string | string[] | undefined>;

function read(source: ParamSource, key: string): string | undefined {
  if (source instanceof URLSearchParams) return source.get(key) ?? undefined;
  const v = source[key];
  return Array.isArray(v) ? v[0] : v;
}

/** A parameter that does not validate (a hand-edited `page=x`) is dropped; the rest still applies. */
export function groupQueryFromParams(source: ParamSource): GroupListQueryParams {
  const raw: Record<string, string> = {};
  for (const key of FIELDS) {
    const v = read(source, key);
    if (v !== undefined && v !== "" && groupListQuerySchema.shape[key].safeParse(v).success) raw[key] = v;
  }
  return groupListQuerySchema.parse(raw);
}

/** The search string of a query without its defaults (short, stable links). */
export function paramsFromGroupQuery(query: GroupListQueryParams): URLSearchParams {
  const out = new URLSearchParams();
  if (query.q) out.set("q", query.q);
  if (query.sort !== DEFAULTS.sort || query.order !== DEFAULTS.order) {
    out.set("sort", query.sort);
    out.set("order", query.order);
  }
  if (query.pageSize !== DEFAULTS.pageSize) out.set("pageSize", String(query.pageSize));
  if (query.page > 1) out.set("page", String(query.page));
  return out;
}

export const DEFAULT_GROUP_SORT = { sort: DEFAULTS.sort, order: DEFAULTS.order };
