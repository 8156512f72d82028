import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { hostname } from "node:os";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { deliver, webhookUrlProblem } from "./webhook";

// One delivery, as a receiver sees it: its headers, connections kept open between deliveries, a
// timeout that counts as no answer, and private addresses refused where the connection is made.

let connections = 0;
let hang = false;
const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    if (hang) return; // never answers
    res.writeHead(req.url === "/busy" ? 429 : 200, req.url === "/busy" ? { "retry-after": "7" } : {}).end(req.headers["idempotency-key"]);
  });
});
server.on("connection", () => connections++);
let base = "";
const now = new Date();

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((r) => server.close(() => r()));
});
afterEach(() => {
  delete process.env.CDP_WEBHOOK_ALLOW_PRIVATE;
  hang = false;
});

describe("deliver", () => {
  it("keeps the connection open: many deliveries to one receiver use one connection", async () => {
    process.env.CDP_WEBHOOK_ALLOW_PRIVATE = "1";
    const before = connections;
    for (let i = 0; i < 20; i++) {
      expect(await deliver(`${base}/hook`, { i }, `run:${i}`, 2000, now)).toEqual({ ok: true, retryable: false, status: 200, body: `run:${i}`, retryAfterMs: null });
    }
    expect(connections - before).toBe(1);
  });

  it("retries a 429 no sooner than its Retry-After", async () => {
    process.env.CDP_WEBHOOK_ALLOW_PRIVATE = "1";
    expect(await deliver(`${base}/busy`, {}, "k", 2000, now)).toMatchObject({ ok: false, retryable: true, status: 429, retryAfterMs: 7000 });
  });

  it("gives up on a receiver that does not answer within the timeout, to try again later", async () => {
    process.env.CDP_WEBHOOK_ALLOW_PRIVATE = "1";
    hang = true;
    expect(await deliver(`${base}/hook`, {}, "k", 200, now)).toEqual({ ok: false, retryable: true, status: null, body: "timed out", retryAfterMs: null });
  });

  it("refuses, when it connects, a name that resolves to a private address (this machine's name)", async () => {
    const url = `http://${hostname()}:${new URL(base).port}/hook`;
    expect(webhookUrlProblem(url)).toBeNull(); // the name passes the check made when the scenario is saved
    const before = connections;
    expect(await deliver(url, {}, "k", 2000, now)).toEqual({ ok: false, retryable: false, status: null, body: "URL refused: resolves to a private address", retryAfterMs: null });
    expect(connections).toBe(before);
    expect(await deliver(`${base}/hook`, {}, "k", 2000, now)).toMatchObject({ ok: false, retryable: false, body: "URL refused: points at a loopback or private address" });
  });
});
