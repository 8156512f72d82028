/**
 * The one error type the domain throws. It names *what* went wrong with a symbolic reason, a plain
 * English message for logs and developers, the offending field paths, and the values a renderer
 * needs to word it (`params`). It carries no HTTP status, no vendor code and no vendor wording:
 * lib/http maps a kind to a status; each dialect maps a reason to its own code table and language;
 * the console renders a reason in the user's language.
 */

/** The small fixed set of failure kinds every edge knows how to render. */
export type ErrorKind =
  | "invalid"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "not_allowed"
  | "too_large"
  | "rate_limited"
  | "internal";

/**
 * Every reason the domain knows, with the kind it implies. Add a reason here when a service needs a
 * new one; dialects and the console's message files key on these names.
 */
export const REASONS = {
  // generic
  invalid_input: "invalid",
  invalid_string: "invalid",
  invalid_time: "invalid",
  malformed_json: "invalid",
  required: "invalid",
  route_not_found: "not_found",
  method_not_allowed: "not_allowed",
  body_too_large: "too_large",
  not_found: "not_found",
  duplicate: "conflict",
  in_use: "conflict",
  rate_limited: "rate_limited",
  unauthenticated: "unauthorized",
  bad_credential: "unauthorized",
  missing_scope: "forbidden",
  read_only_role: "forbidden",
  admin_only: "forbidden",
  immutable: "forbidden",
  internal: "internal",
  // tenants, users, keys
  tenant_not_found: "not_found",
  tenant_taken: "conflict",
  user_not_found: "not_found",
  login_no_taken: "conflict",
  email_taken: "conflict",
  self_demotion: "forbidden",
  api_key_not_found: "not_found",
  // reference data
  stage_not_found: "not_found",
  stage_in_use: "conflict",
  category_not_found: "not_found",
  category_in_use: "conflict",
  category_unknown: "invalid",
  category_code_taken: "conflict",
  department_not_found: "not_found",
  department_in_use: "conflict",
  task_not_found: "not_found",
  task_in_use: "conflict",
  option_not_found: "not_found",
  option_in_use: "conflict",
  option_value_taken: "conflict",
  invalid_option: "invalid",
  label_invalid: "invalid",
  custom_field_not_found: "not_found",
  custom_field_required: "invalid",
  custom_field_unknown: "invalid",
  custom_field_invalid: "invalid",
  staff_not_found: "invalid",
  name_taken: "conflict",
  // a reference named in a customer's fields that does not resolve (a bad input, not a 404)
  task_unknown: "invalid",
  stage_unknown: "invalid",
  department_unknown: "invalid",
  department_required: "invalid",
  staff_not_in_department: "invalid",
  // event types and customer events
  event_type_not_found: "not_found",
  event_type_taken: "conflict",
  event_type_archived: "invalid",
  event_type_archived_locked: "conflict",
  event_key_fixed: "invalid",
  attribute_type_locked: "conflict",
  attribute_unknown: "invalid",
  attribute_invalid: "invalid",
  batch_too_large: "invalid",
  customer_ref_missing: "invalid",
  // customers
  customer_not_found: "not_found",
  customer_name_required: "invalid",
  customer_ambiguous: "conflict",
  phone_taken: "conflict",
  phone_invalid: "invalid",
  phone_not_owned: "invalid",
  customer_email_taken: "conflict",
  crm_id_taken: "conflict",
  identity_taken: "conflict",
  identity_type_invalid: "invalid",
  page_invalid: "invalid",
  page_size_invalid: "invalid",
  cursor_invalid: "invalid",
  range_reversed: "invalid",
  // groups
  group_not_found: "not_found",
  group_ambiguous: "conflict",
  group_name_taken: "conflict",
  group_not_empty: "conflict",
  member_not_found: "not_found",
  // segments
  segment_not_found: "not_found",
  segment_rule_invalid: "invalid",
  segment_in_use: "conflict",
  // custom events and scenarios
  custom_event_not_found: "not_found",
  custom_event_taken: "conflict",
  custom_event_archived: "invalid",
  data_field_invalid: "invalid",
  customer_ref_ambiguous: "invalid",
  scenario_not_found: "not_found",
  scenario_invalid: "invalid",
  scenario_state: "conflict",
  webhook_url_refused: "invalid",
  run_not_found: "not_found",
  run_state: "conflict",
} as const satisfies Record<string, ErrorKind>;

export type Reason = keyof typeof REASONS;

export type ErrorParams = Record<string, string | number>;

export interface ErrorDetail {
  /** a dotted path into the input, when the error is about one field */
  path?: string;
  /** why this field failed, when it is one of the domain's reasons */
  reason?: Reason;
  message: string;
  params?: ErrorParams;
}

export interface DomainErrorOptions {
  details?: ErrorDetail[];
  params?: ErrorParams;
  /** seconds, for rate_limited */
  retryAfter?: number;
  cause?: unknown;
}

export class DomainError extends Error {
  readonly kind: ErrorKind;
  readonly reason: Reason;
  readonly details: ErrorDetail[];
  readonly params: ErrorParams;
  readonly retryAfter?: number;

  constructor(reason: Reason, message: string, opts: DomainErrorOptions = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = "DomainError";
    this.reason = reason;
    this.kind = REASONS[reason];
    this.details = opts.details ?? [];
    this.params = opts.params ?? {};
    this.retryAfter = opts.retryAfter;
  }

  /** the first detail's path, if any: what a form highlights */
  get path(): string | undefined {
    return this.details.find((d) => d.path)?.path;
  }
}

/** Throws-ready constructor: `throw fail("phone_taken", "phone 139… is taken", {path: "cellphones.0", params: {phone}})`. */
export function fail(
  reason: Reason,
  message: string,
  opts: DomainErrorOptions & { path?: string } = {},
): DomainError {
  const { path, ...rest } = opts;
  const details = rest.details ?? (path ? [{ path, reason, message, params: rest.params }] : undefined);
  return new DomainError(reason, message, { ...rest, details });
}

export function isDomainError(err: unknown): err is DomainError {
  return err instanceof DomainError;
}

/** "attrList.0.type: Invalid option…; name: Required" — a readable one-line summary. */
export function summarize(details: ErrorDetail[]): string {
  return details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)).join("; ");
}
