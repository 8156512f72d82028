import { z } from "zod";
import { db, type DbOrTx } from "@/lib/db/client";
import { driver } from "@/lib/db/driver";
import { cacheGeneration, cached, CREDENTIAL_CHANNEL, invalidateCredentials, remember } from "./credential-cache";
import { fail } from "@/lib/errors";
import { randomToken, seal, sha256Hex, safeEqualHex, unseal } from "./secret";
import { deserializeScopes, parseScopes, serializeScopes, type Scope } from "./scopes";

/** Who is calling through an API key, as every dialect handler sees it. */
export interface ApiPrincipal {
  apiKeyId: number;
  apiKeyName: string;
  tenantId: number;
  tenantTimeZone: string;
  scopes: Scope[];
  ratePerSecond: number;
  burst: number;
}

export const TOKEN_TTL_SECONDS = 7200;
/** the customers dialect's signature window */
export const SIGNATURE_WINDOW_SECONDS = 300;

export const createApiKeySchema = z.object({
  name: z.string().trim().min(1, "name is required").max(100).describe("a name to recognise the key by"),
  scopes: z.array(z.string()).min(1, "choose at least one scope").transform((s) => parseScopes(s)),
  expiresAt: z.coerce.date().optional().nullable().describe("after this instant the key is refused"),
  ratePerSecond: z.number().int().min(1).max(10_000).optional(),
  burst: z.number().int().min(1).max(100_000).optional(),
});
export type CreateApiKeyInput = z.input<typeof createApiKeySchema>;

const keySelect = {
  id: true,
  name: true,
  appKey: true,
  scopes: true,
  ratePerSecond: true,
  burst: true,
  expiresAt: true,
  revokedAt: true,
  lastUsedAt: true,
  createdAt: true,
  createdBy: { select: { id: true, name: true } },
} as const;

export async function createApiKey(
  tenantId: number,
  input: CreateApiKeyInput,
  createdById?: number | null,
): Promise<{ id: number; appKey: string; secret: string }> {
  const data = createApiKeySchema.parse(input);
  const appKey = "ak_" + randomToken(12);
  const secret = randomToken(24);
  const row = await db.apiKey.create({
    data: {
      tenantId,
      name: data.name,
      appKey,
      secretHash: sha256Hex(secret),
      secretSealed: seal(secret),
      scopes: serializeScopes(data.scopes),
      expiresAt: data.expiresAt ?? null,
      ratePerSecond: data.ratePerSecond ?? 50,
      burst: data.burst ?? 100,
      createdById: createdById ?? null,
    },
    select: { id: true },
  });
  return { id: row.id, appKey, secret };
}

export async function listApiKeys(tenantId: number) {
  const rows = await db.apiKey.findMany({ where: { tenantId }, select: keySelect, orderBy: { id: "desc" } });
  return rows.map((r) => ({ ...r, scopes: deserializeScopes(r.scopes) }));
}

export async function revokeApiKey(tenantId: number, id: number, tx: DbOrTx = db): Promise<void> {
  const found = await tx.apiKey.findFirst({ where: { id, tenantId }, select: { id: true, revokedAt: true } });
  if (!found) throw fail("api_key_not_found", "API key not found");
  if (found.revokedAt) return;
  const now = new Date();
  await tx.apiKey.update({ where: { id }, data: { revokedAt: now } });
  await tx.accessToken.deleteMany({ where: { apiKeyId: id } });
  // Every process empties its credential cache: on PostgreSQL through NOTIFY (delivered at commit,
  // to this process too), on SQLite here (other processes' entries live one second).
  if ((await driver()).provider === "postgresql") await tx.$executeRawUnsafe(`SELECT pg_notify('${CREDENTIAL_CHANNEL}', $1)`, String(id));
  invalidateCredentials();
  setTimeout(invalidateCredentials, 0).unref?.(); // after a caller's transaction has committed
}

type KeyRow = {
  id: number;
  name: string;
  tenantId: number;
  scopes: string;
  ratePerSecond: number;
  burst: number;
  expiresAt: Date | null;
  revokedAt: Date | null;
  secretHash: string;
  secretSealed: string;
  tenant: { timeZone: string };
};

function usable(row: KeyRow | null, now = new Date()): row is KeyRow {
  return !!row && !row.revokedAt && (!row.expiresAt || row.expiresAt > now);
}

function principalOf(row: KeyRow): ApiPrincipal {
  touch(row.id);
  return {
    apiKeyId: row.id,
    apiKeyName: row.name,
    tenantId: row.tenantId,
    tenantTimeZone: row.tenant.timeZone,
    scopes: deserializeScopes(row.scopes),
    ratePerSecond: row.ratePerSecond,
    burst: row.burst,
  };
}

/** lastUsedAt is written at most once a minute per key, off the request path. */
const lastTouched = new Map<number, number>();
function touch(id: number) {
  const now = Date.now();
  if ((lastTouched.get(id) ?? 0) > now - 60_000) return;
  lastTouched.set(id, now);
  db.apiKey.update({ where: { id }, data: { lastUsedAt: new Date(now) } }).catch(() => lastTouched.delete(id));
}

const BAD_KEY = "invalid API key or secret";

/** The columns of a key (and its tenant's zone) as authentication needs them, on the driver. */
const KEY_COLUMNS = `k."id", k."name", k."tenantId", k."scopes", k."ratePerSecond", k."burst", k."expiresAt", k."revokedAt",
  k."secretHash", k."secretSealed", t."timeZone"`;

type RawKeyRow = Omit<KeyRow, "tenant" | "expiresAt" | "revokedAt"> & {
  expiresAt: Date | string | null;
  revokedAt: Date | string | null;
  timeZone: string;
  tokenExpiresAt?: Date | string;
};

const instant = (v: Date | string | null | undefined): Date | null => (v == null ? null : v instanceof Date ? v : new Date(v));

function keyRowOf(r: RawKeyRow): KeyRow {
  return {
    id: Number(r.id),
    name: r.name,
    tenantId: Number(r.tenantId),
    scopes: r.scopes,
    ratePerSecond: Number(r.ratePerSecond),
    burst: Number(r.burst),
    expiresAt: instant(r.expiresAt),
    revokedAt: instant(r.revokedAt),
    secretHash: r.secretHash,
    secretSealed: r.secretSealed,
    tenant: { timeZone: r.timeZone },
  };
}

/** The key of an appKey (cached; see credential-cache.ts), revoked or expired ones included. */
async function keyByAppKey(appKey: string): Promise<KeyRow | null> {
  const cacheKey = `k\u0000${appKey}`;
  const hit = cached<KeyRow>(cacheKey);
  if (hit) return hit;
  const generation = cacheGeneration();
  const d = await driver();
  const rows = await d.$queryRawUnsafe<RawKeyRow[]>(
    `SELECT ${KEY_COLUMNS} FROM "ApiKey" k JOIN "Tenant" t ON t."id" = k."tenantId" WHERE k."appKey" = ${d.provider === "postgresql" ? "$1" : "?"}`,
    appKey,
  );
  if (!rows.length) return null;
  const row = keyRowOf(rows[0]);
  if (usable(row)) remember(cacheKey, row, generation);
  return row;
}

/** A bearer token's key and the token's expiry (cached like keys). */
async function keyByToken(token: string): Promise<{ key: KeyRow; expiresAt: Date } | null> {
  const tokenHash = sha256Hex(token);
  const cacheKey = `t\u0000${tokenHash}`;
  const hit = cached<{ key: KeyRow; expiresAt: Date }>(cacheKey);
  if (hit) return hit;
  const generation = cacheGeneration();
  const d = await driver();
  const rows = await d.$queryRawUnsafe<RawKeyRow[]>(
    `SELECT a."expiresAt" AS "tokenExpiresAt", ${KEY_COLUMNS}
     FROM "AccessToken" a JOIN "ApiKey" k ON k."id" = a."apiKeyId" JOIN "Tenant" t ON t."id" = k."tenantId"
     WHERE a."tokenHash" = ${d.provider === "postgresql" ? "$1" : "?"}`,
    tokenHash,
  );
  if (!rows.length) return null;
  const found = { key: keyRowOf(rows[0]), expiresAt: instant(rows[0].tokenExpiresAt)! };
  if (usable(found.key)) remember(cacheKey, found, generation);
  return found;
}

/** `appKey` + `secret` (token exchange, x-api-key and bitkey headers). */
export async function authenticateKeyPair(appKey: string, secret: string): Promise<ApiPrincipal> {
  if (!appKey || !secret) throw fail("bad_credential", BAD_KEY);
  const row = await keyByAppKey(appKey);
  if (!usable(row) || !safeEqualHex(sha256Hex(secret), row.secretHash)) throw fail("bad_credential", BAD_KEY);
  return principalOf(row);
}

/** `appKey.secret` as carried by the scenarios (x-api-key) and groups (bitkey) headers. */
export async function authenticateCompositeKey(value: string | null): Promise<ApiPrincipal> {
  if (!value) throw fail("unauthenticated", "API key missing");
  const dot = value.indexOf(".");
  if (dot <= 0) throw fail("bad_credential", BAD_KEY);
  return authenticateKeyPair(value.slice(0, dot), value.slice(dot + 1));
}

/** The customers dialect: sign = hex SHA-256 of appid + timestamp + secret, timestamp within ±300 s. */
export async function authenticateSignature(
  appid: string | null,
  timestamp: string | null,
  sign: string | null,
  nowSeconds = Math.floor(Date.now() / 1000),
): Promise<ApiPrincipal> {
  if (!appid || !timestamp || !sign) throw fail("unauthenticated", "appid, timestamp and sign are required");
  if (!/^\d{1,12}$/.test(timestamp)) throw fail("bad_credential", "timestamp must be Unix seconds");
  if (Math.abs(nowSeconds - Number(timestamp)) > SIGNATURE_WINDOW_SECONDS) {
    throw fail("bad_credential", "timestamp is outside the allowed window of 300 seconds");
  }
  const row = await keyByAppKey(appid);
  if (!usable(row)) throw fail("bad_credential", "invalid signature");
  const expected = sha256Hex(appid + timestamp + unseal(row.secretSealed));
  if (!/^[0-9a-fA-F]{64}$/.test(sign) || !safeEqualHex(expected, sign.toLowerCase())) {
    throw fail("bad_credential", "invalid signature");
  }
  return principalOf(row);
}

/** Exchanges a key pair for a bearer token (events `token` header, lists `access_token`). */
export async function issueToken(appKey: string, secret: string): Promise<{ token: string; expiresIn: number }> {
  const principal = await authenticateKeyPair(appKey, secret);
  const token = randomToken(32);
  await db.accessToken.create({
    data: {
      apiKeyId: principal.apiKeyId,
      tokenHash: sha256Hex(token),
      expiresAt: new Date(Date.now() + TOKEN_TTL_SECONDS * 1000),
    },
  });
  // Expired tokens of this key are swept as new ones are issued.
  await db.accessToken.deleteMany({ where: { apiKeyId: principal.apiKeyId, expiresAt: { lt: new Date() } } });
  return { token, expiresIn: TOKEN_TTL_SECONDS };
}

export async function authenticateToken(token: string | null): Promise<ApiPrincipal> {
  if (!token) throw fail("unauthenticated", "access token missing");
  const row = await keyByToken(token);
  const now = new Date();
  if (!row || row.expiresAt <= now || !usable(row.key, now)) {
    throw fail("bad_credential", "access token is invalid or expired");
  }
  return principalOf(row.key);
}

export function requireScopes(principal: ApiPrincipal, needed: readonly Scope[]): void {
  const missing = needed.filter((s) => !principal.scopes.includes(s));
  if (missing.length) throw fail("missing_scope", `this API key lacks the scope ${missing.join(", ")}`, { params: { scopes: missing.join(", ") } });
}
