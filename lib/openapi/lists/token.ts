import { z } from "zod";

/**
 * `GET /openapi/v1/oauth2/token?grant_type=client_credentials&appid=&secret=` (DM Hub's shape):
 * an API key's appKey (`appid`) and secret for an `access_token` query parameter.
 */
export const oauth2TokenQuerySchema = z.object({
  grant_type: z
    .literal("client_credentials", {
      error: (iss) => (iss.input === undefined ? "is required (client_credentials)" : "must be client_credentials"),
    })
    .describe("Always client_credentials"),
  appid: z.string({ error: "is required" }).min(1, "is required").describe("The API key's appKey"),
  secret: z.string({ error: "is required" }).min(1, "is required").describe("The API key's secret"),
});

export const oauth2TokenResponseSchema = z
  .object({
    access_token: z.string().describe("Send it as the `access_token` query parameter of every other call"),
    expires_in: z.number().int().describe("Seconds until the token expires"),
  })
  .meta({ id: "ListsAccessToken" });

export const toOauth2Token = (t: { token: string; expiresIn: number }) => ({ access_token: t.token, expires_in: t.expiresIn });

/** The lists dialect's error envelope, as lib/openapi/lists/envelope.ts renders it. */
export const listsErrorSchema = z.object({
  error: z.object({
    code: z.number().int().describe("The HTTP status"),
    message: z.string(),
    reason: z.string().optional().describe("The domain's symbolic reason, e.g. group_not_found, customer_not_found"),
    details: z.array(z.object({ path: z.string().optional(), message: z.string() })).optional().describe("The offending fields, for bad input"),
  }),
});
