import type { listApiKeys } from "./api-keys";
import type { Scope } from "./scopes";

type ApiKeyRow = Awaited<ReturnType<typeof listApiKeys>>[number];

export type ApiKeyStatus = "active" | "expired" | "revoked";

/** An API key as the console lists it: never the secret, which is shown once at creation. */
export interface ApiKeyDto {
  id: number;
  name: string;
  appKey: string;
  scopes: Scope[];
  ratePerSecond: number;
  burst: number;
  status: ApiKeyStatus;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  createdAt: string;
  createdBy: { id: number; name: string } | null;
}

export interface ApiKeyListDto {
  items: ApiKeyDto[];
  total: number;
}

/** What POST /api/api-keys answers, the only time the secret leaves the server in clear. */
export interface CreatedApiKeyDto {
  id: number;
  appKey: string;
  secret: string;
}

export function apiKeyStatus(k: { revokedAt: Date | null; expiresAt: Date | null }, now = new Date()): ApiKeyStatus {
  if (k.revokedAt) return "revoked";
  if (k.expiresAt && k.expiresAt <= now) return "expired";
  return "active";
}

export function serializeApiKey(k: ApiKeyRow, now = new Date()): ApiKeyDto {
  return {
    id: k.id,
    name: k.name,
    appKey: k.appKey,
    scopes: k.scopes,
    ratePerSecond: k.ratePerSecond,
    burst: k.burst,
    status: apiKeyStatus(k, now),
    expiresAt: k.expiresAt?.toISOString() ?? null,
    revokedAt: k.revokedAt?.toISOString() ?? null,
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
    createdAt: k.createdAt.toISOString(),
    createdBy: k.createdBy,
  };
}
