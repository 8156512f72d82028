import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeApiKey, makeTenant } from "@/lib/test/factories";
import { issueToken } from "./api-keys";

/**
 * Several app processes on one database behave as one: a revoke in one process is refused by the
 * others within a second, and a burst split across processes is limited as one key (in PostgreSQL's
 * table, or in Redis with REDIS_URL: the Redis of this machine and of CI, CDP_TEST_REDIS_URL to
 * point elsewhere). Each "process" is lib/test/credential-process.ts, a separate Node process.
 */

const pgOnly = process.env.CDP_TEST_PROVIDER === "postgresql";
const REDIS = process.env.CDP_TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const root = path.resolve(__dirname, "../..");

interface Proc {
  send(cmd: object): Promise<{ ok: boolean; reason?: string }>;
  stop(): void;
}

const started: Proc[] = [];
afterAll(() => started.forEach((p) => p.stop()));

async function startProcess(env: Record<string, string> = {}): Promise<Proc> {
  const base = { ...process.env };
  delete base.REDIS_URL; // each test says which store it means
  const child = spawn(path.join(root, "node_modules/.bin/tsx"), [path.join(root, "lib/test/credential-process.ts")], {
    cwd: root,
    env: { ...base, CDP_RATE_LIMIT: "on", ...env },
    stdio: ["pipe", "pipe", "inherit"],
  });
  let buf = "";
  const waiting: ((line: string) => void)[] = [];
  let ready!: () => void;
  const isReady = new Promise<void>((r) => (ready = r));
  child.stdout.on("data", (chunk: Buffer) => {
    buf += chunk.toString();
    let nl: number;
    while ((nl = buf.indexOf("\n")) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      if (line === "ready") ready();
      else waiting.shift()?.(line);
    }
  });
  await isReady;
  const proc: Proc = {
    // answers come back in the order of the commands only for sequential use; callers await each
    send: (cmd) =>
      new Promise((resolve) => {
        waiting.push((line) => resolve(JSON.parse(line)));
        child.stdin.write(JSON.stringify(cmd) + "\n");
      }),
    stop: () => child.kill(),
  };
  started.push(proc);
  return proc;
}

async function until(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

describe("several processes on one database", () => {
  it("a key revoked in one process is refused by another within a second", { timeout: 60_000 }, async () => {
    const t = await makeTenant();
    const key = await makeApiKey(t.id, "customers:read,customers:write");
    const { token } = await issueToken(key.appKey, key.secret);
    const [a, b] = await Promise.all([startProcess(), startProcess()]);
    // the first authentication starts a process's listening connection (PostgreSQL)
    expect(await a.send({ op: "auth", token })).toEqual({ ok: true });
    expect(await b.send({ op: "auth", token })).toEqual({ ok: true });
    if (pgOnly) {
      // both hear revocations before the test starts (otherwise they only hold one-second entries)
      expect(await until(async () => (await a.send({ op: "listening" })).ok && (await b.send({ op: "listening" })).ok, 10_000)).toBe(true);
    }
    // both processes have the token cached
    expect(await a.send({ op: "auth", token })).toEqual({ ok: true });
    expect(await b.send({ op: "auth", token })).toEqual({ ok: true });
    expect(await b.send({ op: "auth", token })).toEqual({ ok: true });

    expect(await a.send({ op: "revoke", tenantId: t.id, id: key.id })).toEqual({ ok: true });
    const revokedAt = Date.now();
    expect(await a.send({ op: "auth", token })).toEqual({ ok: false, reason: "bad_credential" });
    let refusedAfter = -1;
    const refused = await until(async () => {
      const res = await b.send({ op: "auth", token });
      if (!res.ok) refusedAfter = Date.now() - revokedAt;
      return !res.ok;
    }, 3000);
    expect(refused).toBe(true);
    expect(refusedAfter).toBeLessThanOrEqual(1000);
  });

  async function burstAcross(a: Proc, b: Proc) {
    const key = `key:multi-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    // burst 10, refilled at 1/s: 16 requests, alternating between the processes, at once
    const answers = await Promise.all(
      Array.from({ length: 16 }, (_, i) => (i % 2 ? a : b).send({ op: "consume", key, rate: 1, burst: 10 })),
    );
    expect(answers.filter((r) => r.ok)).toHaveLength(10);
    expect(answers.filter((r) => !r.ok).every((r) => r.reason === "rate_limited")).toBe(true);
  }

  it.runIf(pgOnly)("a burst split across two processes is limited as one key (PostgreSQL's table)", { timeout: 60_000 }, async () => {
    const [a, b] = await Promise.all([startProcess(), startProcess()]);
    await burstAcross(a, b);
  });

  it("with REDIS_URL, a burst split across two processes is limited as one key (Redis)", { timeout: 60_000 }, async () => {
    const [a, b] = await Promise.all([startProcess({ REDIS_URL: REDIS }), startProcess({ REDIS_URL: REDIS })]);
    // both connected to Redis before the burst (a limiter that starts on insurance limits alone)
    expect(await until(async () => (await a.send({ op: "redis" })).ok && (await b.send({ op: "redis" })).ok, 10_000)).toBe(true);
    await burstAcross(a, b);
  });
});
