import type { Dialect } from "@/lib/http/dialect";
import { customersDialect } from "./customers/envelope";
import { eventsDialect } from "./events/envelope";
import { groupsDialect } from "./groups/envelope";
import { listsDialect } from "./lists/envelope";
import { scenariosDialect } from "./scenarios/envelope";

/** Which dialect answers a path under /openapi (by prefix, as API-DECISIONS.md assigns them). */
const PREFIXES: [RegExp, Dialect][] = [
  [/^\/openapi\/customers(\/|$)/, customersDialect],
  [/^\/openapi\/v1(\/|$)/, listsDialect],
  [/^\/openapi\/scenariocustomevents(\/|$)/, scenariosDialect],
  [/^\/openapi\/customer_groups(\/|$)/, groupsDialect],
];

/** The dialect of a path; the events dialect answers anything else under /openapi. */
export function dialectOfPath(pathname: string): Dialect {
  return PREFIXES.find(([re]) => re.test(pathname))?.[1] ?? eventsDialect;
}
