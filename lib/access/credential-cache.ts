import pg from "pg";
import { databaseUrl, providerOf } from "@/lib/db/config";

/**
 * Authenticated credentials, cached per process so that a request with a known token or key costs
 * no database round trip. Only successful lookups are cached; expiry is checked on every use.
 *
 * Revocation reaches every process within a second:
 * - PostgreSQL: a revoke sends NOTIFY on `cdp_credentials` in its transaction (so at commit); every
 *   process LISTENs and empties its cache on the notification. Entries live 30 s (the bound for
 *   changes that do not notify, such as a tenant's time zone). While the listening connection is
 *   down (not yet up, or lost), entries live half a second.
 * - SQLite (one process by construction): a revoke in this process empties the cache at once, and
 *   entries live half a second, so a revoke from another process (the CLI) holds everywhere within
 *   a second with room to spare.
 * A lookup that started before an invalidation never fills the cache after it (a generation count).
 */

export const CREDENTIAL_CHANNEL = "cdp_credentials";
const LISTENING_TTL_MS = 30_000;
const SHORT_TTL_MS = 500;

interface Entry<T> {
  value: T;
  until: number;
}

interface State {
  entries: Map<string, Entry<unknown>>;
  generation: number;
  listener?: { url: string; client?: pg.Client; up: boolean; retry?: NodeJS.Timeout };
}

const g = globalThis as unknown as { __cdpCredentials?: State };
const state: State = (g.__cdpCredentials ??= { entries: new Map(), generation: 0 });

const MAX_ENTRIES = 50_000;

export function cacheGeneration(): number {
  return state.generation;
}

/** Empties the cache of this process (on a revoke, or a notification of one). */
export function invalidateCredentials(): void {
  state.generation++;
  state.entries.clear();
}

function ttl(): number {
  if (process.env.CDP_CREDENTIAL_CACHE === "off") return 0;
  const url = databaseUrl();
  if (providerOf(url) !== "postgresql") return SHORT_TTL_MS;
  listen(url);
  return state.listener?.up ? LISTENING_TTL_MS : SHORT_TTL_MS;
}

export function cached<T>(key: string): T | undefined {
  const hit = state.entries.get(key);
  if (!hit) return undefined;
  if (hit.until <= Date.now()) {
    state.entries.delete(key);
    return undefined;
  }
  return hit.value as T;
}

/** Stores a lookup's result unless the cache was invalidated since `generation` was read. */
export function remember<T>(key: string, value: T, generation: number): void {
  const life = ttl();
  if (life <= 0 || generation !== state.generation) return;
  if (state.entries.size >= MAX_ENTRIES) state.entries.clear();
  state.entries.set(key, { value, until: Date.now() + life });
}

/** LISTEN on the revocation channel (once per process; reconnects after a loss). */
function listen(url: string): void {
  const current = state.listener;
  if (current && current.url === url) return;
  if (current) stopListening();
  const l: NonNullable<State["listener"]> = { url, up: false };
  state.listener = l;
  const connect = () => {
    l.retry = undefined;
    if (state.listener !== l) return;
    const client = new pg.Client({ connectionString: url });
    l.client = client;
    const lost = () => {
      if (state.listener !== l || l.client !== client) return;
      l.up = false;
      l.client = undefined;
      invalidateCredentials(); // notifications may have been missed
      client.end().catch(() => undefined);
      l.retry = setTimeout(connect, 1000);
      l.retry.unref();
    };
    client.on("error", lost);
    client.on("end", lost);
    client.on("notification", (msg) => {
      if (msg.channel === CREDENTIAL_CHANNEL) invalidateCredentials();
    });
    client
      .connect()
      .then(() => {
        // the listening connection must not keep a CLI or a test process alive
        (client as unknown as { connection?: { stream?: { unref?: () => void } } }).connection?.stream?.unref?.();
        return client.query(`LISTEN ${CREDENTIAL_CHANNEL}`);
      })
      .then(() => {
        if (l.client !== client) return;
        invalidateCredentials(); // anything cached before now lived on the short TTL
        l.up = true;
      })
      .catch(lost);
  };
  connect();
}

/** Closes the listening connection (tests, shutdown). */
export function stopListening(): void {
  const l = state.listener;
  state.listener = undefined;
  if (!l) return;
  if (l.retry) clearTimeout(l.retry);
  l.up = false;
  l.client?.end().catch(() => undefined);
}

/** Whether this process currently hears revocations from the others (PostgreSQL). */
export function listening(): boolean {
  return !!state.listener?.up;
}
