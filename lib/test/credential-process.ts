// A second app process for lib/access/multi-process.test.ts: on DATABASE_URL, answers one JSON
// command per stdin line with one JSON line on stdout:
//   {"op":"auth","token":"…"}            → {"ok":true} | {"ok":false,"reason":"bad_credential"}
//   {"op":"consume","key":"…","rate":n,"burst":n} → {"ok":true} | {"ok":false,"reason":"rate_limited"}
//   {"op":"revoke","tenantId":n,"id":n}   → {"ok":true}
//   {"op":"listening"}                   → {"ok":true|false}
//   {"op":"redis"}                       → {"ok":true|false} (connected to REDIS_URL's Redis for limits)
import { createInterface } from "node:readline";
import { authenticateToken, revokeApiKey } from "@/lib/access/api-keys";
import { listening } from "@/lib/access/credential-cache";
import { isDomainError } from "@/lib/errors";
import { limiterCache, redisReady } from "@/lib/http/limit-store";
import { consumeRateLimit } from "@/lib/http/rate-limit";

async function run(cmd: { op: string; [k: string]: unknown }): Promise<unknown> {
  try {
    if (cmd.op === "auth") await authenticateToken(String(cmd.token));
    else if (cmd.op === "consume") await consumeRateLimit(String(cmd.key), Number(cmd.rate), Number(cmd.burst));
    else if (cmd.op === "revoke") await revokeApiKey(Number(cmd.tenantId), Number(cmd.id));
    else if (cmd.op === "listening") return { ok: listening() };
    else if (cmd.op === "redis") {
      // making a limiter opens the connection
      await limiterCache("probe")("probe", { keyPrefix: "probe", points: 1, duration: 1 });
      return { ok: redisReady() };
    }
    return { ok: true };
  } catch (err) {
    if (isDomainError(err)) return { ok: false, reason: err.reason };
    return { ok: false, reason: String(err) };
  }
}

const rl = createInterface({ input: process.stdin });
rl.on("line", (line) => {
  const cmd = JSON.parse(line) as { op: string; n?: number };
  void run(cmd).then((out) => process.stdout.write(JSON.stringify(out) + "\n"));
});
rl.on("close", () => process.exit(0));
process.stdout.write("ready\n");
