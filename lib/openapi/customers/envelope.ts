import { authenticateSignature } from "@/lib/access/api-keys";
import type { DomainError, Reason } from "@/lib/errors";
import { json, retryHeaders, statusOfError, type Dialect, type RequestContext } from "@/lib/http/dialect";
import { customersText, wireDetail } from "./messages";

/**
 * Seed 002 (call-centre CRM): `{success:true, code:1000, message:"操作成功！", callbackId?, …}`;
 * errors `{success:false, code, message, exception?}` with the seed's code table, chosen by the
 * error's reason (CODE_OF) or else its kind.
 */
export const CUSTOMER_CODES = {
  "2000": "未知错误",
  "2005": "没有找到该资源",
  "2060": "无效的唯一标识符类型",
  "206201": "参数page不合法",
  "206211": "参数page_size不合法",
  "429": "api接口超过请求限制",
} as const;

function callbackId(ctx: RequestContext): number | string | undefined {
  const raw = ctx.url.searchParams.get("callbackId");
  if (raw == null || raw === "") return undefined;
  return /^\d{1,15}$/.test(raw) ? Number(raw) : raw;
}

/** The seed's codes of reasons that have one; any other reason is coded by its kind. */
const CODE_OF: Partial<Record<Reason, keyof typeof CUSTOMER_CODES>> = {
  identity_type_invalid: "2060",
  page_invalid: "206201",
  page_size_invalid: "206211",
  rate_limited: "429",
};

/** Codes whose row in the seed's table has no exception text (无). */
const WITHOUT_EXCEPTION = new Set<string>(["206201", "206211", "429"]);

/** The seed's exception for input that does not parse (malformed JSON, a wrong type, a bad value). */
export const FORMAT_EXCEPTION = "不正确的参数格式";

export interface CustomersErrorBody {
  code: number;
  message: string;
  exception?: string;
  /** beyond the seed: which fields were wrong, when known */
  errors?: { path?: string; message: string }[];
}

/**
 * `message` is always the seed's text for the code; `exception` carries the specific reason (the
 * seed's exception column, worded by lib/openapi/customers/messages.ts). Bad input without a
 * wording of its own is 2000 不正确的参数格式 with the offending fields in `errors`.
 */
export function customersErrorBody(err: DomainError): CustomersErrorBody {
  const details = err.details.map(wireDetail);
  const errors = details.length ? { errors: details } : {};
  const text = customersText(err);
  const seeded = CODE_OF[err.reason];
  if (seeded) {
    return {
      code: Number(seeded),
      message: CUSTOMER_CODES[seeded],
      ...(WITHOUT_EXCEPTION.has(seeded) ? {} : { exception: text ?? err.message }),
      ...errors,
    };
  }
  switch (err.kind) {
    case "invalid":
      if (text !== undefined) return { code: 2000, message: CUSTOMER_CODES["2000"], exception: text, ...errors };
      return {
        code: 2000,
        message: CUSTOMER_CODES["2000"],
        exception: FORMAT_EXCEPTION,
        errors: details.length ? details : [{ message: err.message }],
      };
    case "conflict":
      return { code: 2000, message: CUSTOMER_CODES["2000"], exception: text ?? err.message, ...errors };
    case "not_found":
      return { code: 2005, message: CUSTOMER_CODES["2005"], exception: text ?? err.message };
    default:
      return { code: statusOfError(err), message: err.message };
  }
}

export const customersDialect: Dialect = {
  name: "customers",
  securityScheme: "customersSignature",
  authenticate: ({ url }) =>
    authenticateSignature(url.searchParams.get("appid"), url.searchParams.get("timestamp"), url.searchParams.get("sign")),
  appKeyOf: ({ url }) => url.searchParams.get("appid") || undefined,
  success: (data, ctx, status) => {
    const id = callbackId(ctx);
    return json(
      {
        success: true,
        code: 1000,
        message: "操作成功！",
        ...(id !== undefined ? { callbackId: id } : {}),
        ...((data as Record<string, unknown>) ?? {}),
      },
      status,
    );
  },
  failure: (err, ctx) => {
    const id = callbackId(ctx);
    return json(
      { success: false, ...customersErrorBody(err), ...(id !== undefined ? { callbackId: id } : {}) },
      statusOfError(err),
      retryHeaders(err),
    );
  },
};
