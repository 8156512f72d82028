import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

/**
 * Webhook addresses and delivery. An address is checked when the scenario is saved (scheme, and
 * a literal loopback/private/link-local address or a localhost name is refused) and again at
 * delivery on what the name resolves to, unless the operator allows private targets with
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

function retryAfter(h: string | null, now: Date): number | null {
  if (!h) return null;
  if (/^\d+$/.test(h.trim())) return Number(h.trim()) * 1000;
  const at = Date.parse(h);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}

/** POSTs the payload once. Never throws: the outcome says what happened. */
export async function deliver(url: string, payload: unknown, idempotencyKey: string, timeoutMs: number, now: Date): Promise<Delivery> {
  const refused = webhookUrlProblem(url);
  if (refused) return { ok: false, retryable: false, status: null, body: `URL refused: ${refused}`, retryAfterMs: null };
  if (!privateAllowed()) {
    const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
    try {
      const addresses = isIP(host) ? [{ address: host }] : await lookup(host, { all: true });
      if (addresses.some((a) => privateAddress(a.address))) {
        return { ok: false, retryable: false, status: null, body: "URL refused: resolves to a private address", retryAfterMs: null };
      }
    } catch (err) {
      return { ok: false, retryable: true, status: null, body: `DNS: ${(err as Error).message}`, retryAfterMs: null };
    }
  }
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": idempotencyKey, "user-agent": "cdp-console-webhook/1" },
      body: JSON.stringify(payload),
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text().catch(() => "");
    const body = Buffer.from(text).subarray(0, 500).toString();
    const ok = res.status >= 200 && res.status < 300;
    return { ok, retryable: !ok && (res.status === 408 || res.status === 429 || res.status >= 500), status: res.status, body, retryAfterMs: retryAfter(res.headers.get("retry-after"), now) };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    return { ok: false, retryable: true, status: null, body: `${e.name === "TimeoutError" ? "timed out" : e.message}${e.cause?.code ? ` (${e.cause.code})` : ""}`, retryAfterMs: null };
  }
}

/** Exponential backoff with full jitter (1 s, 2 s, 4 s … capped at 10 min), never before Retry-After. */
export function backoffMs(attempt: number, retryAfterMs: number | null, random = Math.random): number {
  const ceiling = Math.min(600_000, 1000 * 2 ** Math.max(0, attempt - 1));
  const jittered = ceiling / 2 + random() * (ceiling / 2);
  return Math.max(jittered, Math.min(retryAfterMs ?? 0, 3_600_000));
}
