import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { Agent as HttpAgent, request as httpRequest, type AgentOptions } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import { BlockList, isIP } from "node:net";

/**
 * Webhook addresses and delivery. An address is checked when the scenario is saved (scheme, and
 * a literal loopback/private/link-local address or a localhost name is refused) and again at
 * delivery on what the name resolves to when the connection is opened, unless the operator allows private targets with
 * CDP_WEBHOOK_ALLOW_PRIVATE=1 (tests do).
 */

const blocked = new BlockList();
for (const [net, bits] of [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
  ["192.0.0.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15], ["224.0.0.0", 4], ["240.0.0.0", 4],
] as const) blocked.addSubnet(net, bits, "ipv4");
for (const [net, bits] of [["::", 128], ["::1", 128], ["fc00::", 7], ["fe80::", 10], ["ff00::", 8]] as const) blocked.addSubnet(net, bits, "ipv6");

export const privateAllowed = () => process.env.CDP_WEBHOOK_ALLOW_PRIVATE === "1";

function privateAddress(address: string): boolean {
  const mapped = address.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i)?.[1];
  if (mapped) return privateAddress(mapped);
  const family = isIP(address);
  return family === 4 ? blocked.check(address, "ipv4") : family === 6 ? blocked.check(address, "ipv6") : false;
}

/** Why this webhook URL is refused, or null. */
export function webhookUrlProblem(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "is not a URL";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "must be an http or https URL";
  if (url.username || url.password) return "must not carry a user name or password";
  if (privateAllowed()) return null;
  const host = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (host === "localhost" || host.endsWith(".localhost") || host.endsWith(".local") || host.endsWith(".internal")) return "points at this machine or a private network";
  if (isIP(host) && privateAddress(host)) return "points at a loopback or private address";
  return null;
}

export interface Delivery {
  ok: boolean;
  /** worth another attempt: 408, 429, 5xx, a network error or a timeout */
  retryable: boolean;
  status: number | null;
  /** the first 500 bytes of the answer, or the network error */
  body: string;
  /** Retry-After in milliseconds, when the answer gave one */
  retryAfterMs: number | null;
}

function retryAfter(h: string | null | undefined, now: Date): number | null {
  if (!h) return null;
  if (/^\d+$/.test(h.trim())) return Number(h.trim()) * 1000;
  const at = Date.parse(h);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}

/** Why a connection was not opened: the name resolved to a private address. */
class PrivateTarget extends Error {
  readonly code = "EPRIVATETARGET";
}

/**
 * Name resolution for webhook connections: refuses a name that resolves to a loopback, private or
 * link-local address (unless allowed). It runs when a connection is opened, on the very addresses
 * it connects to, so a name cannot resolve harmlessly for a check and privately for the request.
 */
const guardedLookup: NonNullable<AgentOptions["lookup"]> = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, "", 4);
    const list = addresses as LookupAddress[];
    if (!privateAllowed() && list.some((a) => privateAddress(a.address))) return callback(new PrivateTarget("resolves to a private address"), "", 4);
    if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
    callback(null, list[0].address, list[0].family);
  });
};

/**
 * Connections are kept open and reused per receiver (keep-alive): a worker delivering hundreds of
 * webhooks a second to one receiver would otherwise open (and for https, negotiate) a connection
 * for each. How many are open at once is bounded by the worker's concurrency.
 */
const agentOptions: AgentOptions = { keepAlive: true, scheduling: "lifo", lookup: guardedLookup };
const agents = { http: new HttpAgent(agentOptions), https: new HttpsAgent(agentOptions) };

/** The answer's first bytes kept for the step log; the rest is read (so the connection is reused) up to this, then dropped. */
const KEEP_BYTES = 500;
const READ_AT_MOST = 1 << 20;

/** POSTs the payload once. Never throws: the outcome says what happened. */
export function deliver(url: string, payload: unknown, idempotencyKey: string, timeoutMs: number, now: Date): Promise<Delivery> {
  const refused = webhookUrlProblem(url);
  if (refused) return Promise.resolve({ ok: false, retryable: false, status: null, body: `URL refused: ${refused}`, retryAfterMs: null });
  const target = new URL(url);
  const body = Buffer.from(JSON.stringify(payload));
  return new Promise<Delivery>((resolve) => {
    let status: number | null = null;
    let retryAfterMs: number | null = null;
    const kept: Buffer[] = [];
    let read = 0;
    const answered = () => {
      const text = Buffer.concat(kept).subarray(0, KEEP_BYTES).toString();
      const ok = status! >= 200 && status! < 300;
      return { ok, retryable: !ok && (status === 408 || status === 429 || status! >= 500), status, body: text, retryAfterMs };
    };
    const finish = (d: Delivery) => {
      clearTimeout(timer);
      resolve(d);
    };
    const request = (target.protocol === "https:" ? httpsRequest : httpRequest)(
      target,
      {
        method: "POST",
        agent: target.protocol === "https:" ? agents.https : agents.http,
        headers: { "content-type": "application/json", "content-length": body.length, "idempotency-key": idempotencyKey, "user-agent": "cdp-console-webhook/1" },
      },
      (res) => {
        status = res.statusCode ?? 0;
        retryAfterMs = retryAfter(res.headers["retry-after"] ?? null, now);
        res.on("data", (chunk: Buffer) => {
          if (read < KEEP_BYTES) kept.push(chunk);
          read += chunk.length;
          if (read > READ_AT_MOST) res.destroy();
        });
        res.on("end", () => finish(answered()));
        res.on("close", () => finish(answered()));
        res.on("error", () => finish(answered()));
      },
    );
    // the whole exchange, connection included, within timeoutMs; an answer whose body is late still counts
    const timer = setTimeout(() => {
      if (status !== null) finish(answered());
      else finish({ ok: false, retryable: true, status: null, body: "timed out", retryAfterMs: null });
      request.destroy();
    }, timeoutMs);
    request.on("error", (err: Error & { code?: string }) => {
      if (status !== null) return finish(answered());
      if (err instanceof PrivateTarget) return finish({ ok: false, retryable: false, status: null, body: `URL refused: ${err.message}`, retryAfterMs: null });
      const dns = err.code === "ENOTFOUND" || err.code === "EAI_AGAIN";
      finish({ ok: false, retryable: true, status: null, body: `${dns ? "DNS: " : ""}${err.message}${err.code && !err.message.includes(err.code) ? ` (${err.code})` : ""}`, retryAfterMs: null });
    });
    request.end(body);
  });
}

/** Exponential backoff with full jitter (1 s, 2 s, 4 s … capped at 10 min), never before Retry-After. */
export function backoffMs(attempt: number, retryAfterMs: number | null, random = Math.random): number {
  const ceiling = Math.min(600_000, 1000 * 2 ** Math.max(0, attempt - 1));
  const jittered = ceiling / 2 + random() * (ceiling / 2);
  return Math.max(jittered, Math.min(retryAfterMs ?? 0, 3_600_000));
}
