import { sha256Hex } from "@/lib/access/secret";

/**
 * For tests: calls a customers-dialect route handler as Next.js would, with a request signed as
 * the seed says (sign = sha256(appid + timestamp + secret), all three in the query).
 */
export type Handler = (req: Request) => Promise<Response>;
export interface Key {
  appKey: string;
  secret: string;
}

export interface CallOptions {
  method?: string;
  query?: Record<string, string | number | undefined>;
  /** an object is sent as JSON; a string as it is */
  body?: unknown;
  /** Unix seconds of the signature (default now) */
  at?: number;
  secret?: string;
}

export async function call(handler: Handler, key: Key, path: string, opts: CallOptions = {}) {
  const url = new URL(`http://localhost/openapi/customers/${path}`);
  for (const [k, v] of Object.entries(opts.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
  const ts = String(opts.at ?? Math.floor(Date.now() / 1000));
  url.searchParams.set("appid", key.appKey);
  url.searchParams.set("timestamp", ts);
  url.searchParams.set("sign", sha256Hex(key.appKey + ts + (opts.secret ?? key.secret)));
  const body = opts.body === undefined ? undefined : typeof opts.body === "string" ? opts.body : JSON.stringify(opts.body);
  const res = await handler(
    new Request(url, {
      method: opts.method ?? (body === undefined ? "GET" : "POST"),
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body,
    }),
  );
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the answers are asserted field by field
  return { status: res.status, body: (await res.json()) as any };
}
