import { z } from "zod";
import { expected } from "@/lib/validation/messages";
import { wireObject } from "./wire";

/** `POST /openapi/auth/token`: an API key's appKey and secret for a bearer token (`token` header). */
export const tokenRequestSchema = wireObject({
  appKey: z.string({ error: expected("a string") }).min(1, "is required").describe("The API key's public appKey"),
  secret: z.string({ error: expected("a string") }).min(1, "is required").describe("The API key's secret (shown once at creation)"),
}).meta({ id: "EventsTokenRequest" });

export const tokenResponseSchema = z
  .object({
    token: z.string().describe("Send it in the `token` header of every other call"),
    expiresIn: z.number().int().describe("Seconds until the token expires"),
  })
  .meta({ id: "EventsToken" });
