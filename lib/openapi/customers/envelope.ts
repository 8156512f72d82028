import { authenticateSignature } from "@/lib/access/api-keys";
import { json, retryHeaders, type Dialect, type RequestContext } from "@/lib/http/dialect";
import type { DomainError } from "@/lib/http/errors";

/**
 * Seed 002 (call-centre CRM): `{success:true, code:1000, message:"操作成功！", callbackId?, …}`;
 * errors `{success:false, code, message, exception?}` with the seed's code table. Services may set
 * DomainError.code to one of the seed's codes; otherwise the kind decides.
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
 * seed's exception column). Bad input without a seed code of its own is 2000 不正确的参数格式 with
 * the offending fields in `errors`.
 */
export function customersErrorBody(err: DomainError): CustomersErrorBody {
  const errors = err.details.length ? { errors: err.details } : {};
  const seeded = err.code && err.code in CUSTOMER_CODES ? (err.code as keyof typeof CUSTOMER_CODES) : undefined;
  if (seeded) {
    return {
      code: Number(seeded),
      message: CUSTOMER_CODES[seeded],
      ...(WITHOUT_EXCEPTION.has(seeded) ? {} : { exception: err.message }),
      ...errors,
    };
  }
  switch (err.kind) {
    case "invalid":
      return {
        code: 2000,
        message: CUSTOMER_CODES["2000"],
        exception: FORMAT_EXCEPTION,
        errors: err.details.length ? err.details : [{ message: err.message }],
      };
    case "conflict":
      return { code: 2000, message: CUSTOMER_CODES["2000"], exception: err.message, ...errors };
    case "not_found":
      return { code: 2005, message: CUSTOMER_CODES["2005"], exception: err.message };
    case "rate_limited":
      return { code: 429, message: CUSTOMER_CODES["429"] };
    default:
      return { code: err.status, message: err.message };
  }
}

export const customersDialect: Dialect = {
  name: "customers",
  securityScheme: "customersSignature",
  authenticate: ({ url }) =>
    authenticateSignature(url.searchParams.get("appid"), url.searchParams.get("timestamp"), url.searchParams.get("sign")),
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
      err.status,
      retryHeaders(err),
    );
  },
};
