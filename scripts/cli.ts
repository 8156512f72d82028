// The operator CLI: one JSON line on stdout per command; errors on stderr with a non-zero exit.
//   npm run -s cli -- tenant:create --slug demo --name "Demo" [--time-zone Asia/Shanghai]
//   npm run -s cli -- user:create --tenant demo --email a@b.c --password … --role admin --login-no 8001 [--name N]
//   npm run -s cli -- apikey:create --tenant demo --name ci --scopes all|customers:read,… [--rate 50 --burst 100]
//   npm run -s cli -- apikey:revoke --tenant demo --app-key ak_…
//   npm run -s cli -- segment:create --tenant demo --name "Big spenders" --rules '<rule json>' [--description D]
//   npm run -s cli -- segment:count --tenant demo --id 5
//   npm run -s cli -- custom-event:create --tenant demo --name "Order placed" [--id 101] [--fields "Order ID:String,Amount:Money"]
//   npm run -s cli -- scenario:import --tenant demo --file flow.json|-     (an "id" in the document updates that scenario)
//   npm run -s cli -- scenario:export --tenant demo --id 9
//   npm run -s cli -- scenario:stats --tenant demo --id 9
import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { readFileSync } from "node:fs";
import { createApiKey, revokeApiKey } from "../lib/access/api-keys";
import { createCustomEvent } from "../lib/custom-events/service";
import { exportScenario, saveScenario, scenarioStats } from "../lib/scenarios/service";
import { parseScopes } from "../lib/access/scopes";
import { serverSecret } from "../lib/access/secret";
import { db } from "../lib/db/client";
import { migrate } from "../lib/db/migrate";
import { DomainError, summarize, toDomainError } from "../lib/http/errors";
import { countSegment, createSegment } from "../lib/segments/service";
import { createTenant, tenantBySlug } from "../lib/tenants/service";
import { createUser } from "../lib/users/service";
import { roleSchema } from "../lib/users/schemas";

class UsageError extends Error {}

const COMMANDS: Record<string, { options: Record<string, { type: "string" }>; required: string[]; run: (o: Record<string, string>) => Promise<unknown> }> = {
  "tenant:create": {
    options: { slug: { type: "string" }, name: { type: "string" }, "time-zone": { type: "string" } },
    required: ["slug", "name"],
    run: async (o) => {
      const t = await createTenant({ slug: o.slug, name: o.name, timeZone: o["time-zone"] });
      return { id: t.id, slug: t.slug };
    },
  },
  "user:create": {
    options: {
      tenant: { type: "string" },
      email: { type: "string" },
      password: { type: "string" },
      role: { type: "string" },
      "login-no": { type: "string" },
      name: { type: "string" },
    },
    required: ["tenant", "email", "password", "login-no"],
    run: async (o) => {
      const tenant = await tenantBySlug(o.tenant);
      const role = roleSchema.safeParse(o.role ?? "marketer");
      if (!role.success) throw new UsageError(`--role must be one of admin, marketer, viewer`);
      const u = await createUser(tenant.id, {
        email: o.email,
        password: o.password,
        role: role.data,
        loginNo: o["login-no"],
        name: o.name,
      });
      return { id: u.id };
    },
  },
  "apikey:create": {
    options: {
      tenant: { type: "string" },
      name: { type: "string" },
      scopes: { type: "string" },
      rate: { type: "string" },
      burst: { type: "string" },
      "expires-at": { type: "string" },
    },
    required: ["tenant", "name", "scopes"],
    run: async (o) => {
      const tenant = await tenantBySlug(o.tenant);
      const key = await createApiKey(tenant.id, {
        name: o.name,
        scopes: parseScopes(o.scopes),
        ratePerSecond: o.rate ? positiveInt("rate", o.rate) : undefined,
        burst: o.burst ? positiveInt("burst", o.burst) : undefined,
        expiresAt: o["expires-at"] ? new Date(o["expires-at"]) : undefined,
      });
      return { appKey: key.appKey, secret: key.secret };
    },
  },
  "apikey:revoke": {
    options: { tenant: { type: "string" }, "app-key": { type: "string" } },
    required: ["tenant", "app-key"],
    run: async (o) => {
      const tenant = await tenantBySlug(o.tenant);
      const key = await db.apiKey.findFirst({ where: { tenantId: tenant.id, appKey: o["app-key"] } });
      if (!key) throw new DomainError("not_found", "API key not found");
      await revokeApiKey(tenant.id, key.id);
      return { revoked: key.appKey };
    },
  },
  "segment:create": {
    options: { tenant: { type: "string" }, name: { type: "string" }, rules: { type: "string" }, description: { type: "string" } },
    required: ["tenant", "name", "rules"],
    run: async (o) => {
      const tenant = await tenantBySlug(o.tenant);
      let rules: unknown;
      try {
        rules = JSON.parse(o.rules);
      } catch (err) {
        throw new UsageError(`--rules is not JSON: ${(err as Error).message}`);
      }
      const s = await createSegment(tenant.id, { name: o.name, description: o.description, rules });
      return { id: s.id };
    },
  },
  "segment:count": {
    options: { tenant: { type: "string" }, id: { type: "string" } },
    required: ["tenant", "id"],
    run: async (o) => {
      const tenant = await tenantBySlug(o.tenant);
      return { count: await countSegment(tenant.id, positiveInt("id", o.id)) };
    },
  },
  "custom-event:create": {
    options: { tenant: { type: "string" }, name: { type: "string" }, id: { type: "string" }, description: { type: "string" }, fields: { type: "string" } },
    required: ["tenant", "name"],
    run: async (o) => {
      const tenant = await tenantBySlug(o.tenant);
      const fields = (o.fields ?? "")
        .split(",")
        .map((f) => f.trim())
        .filter(Boolean)
        .map((f) => {
          const at = f.lastIndexOf(":");
          if (at < 1) throw new UsageError(`--fields: "${f}" is not name:Type`);
          return { name: f.slice(0, at).trim(), type: f.slice(at + 1).trim() as "String" };
        });
      const ce = await createCustomEvent(tenant.id, { id: o.id ? positiveInt("id", o.id) : undefined, name: o.name, description: o.description, fields });
      return { id: ce.id };
    },
  },
  "scenario:import": {
    options: { tenant: { type: "string" }, file: { type: "string" } },
    required: ["tenant", "file"],
    run: async (o) => {
      const tenant = await tenantBySlug(o.tenant);
      let doc: unknown;
      try {
        doc = JSON.parse(readFileSync(o.file === "-" ? 0 : o.file, "utf8"));
      } catch (err) {
        throw new UsageError(`--file: ${(err as Error).message}`);
      }
      const { id, ...rest } = (doc ?? {}) as { id?: unknown };
      const s = await saveScenario(tenant.id, rest, typeof id === "number" ? id : undefined);
      return { id: s.id };
    },
  },
  "scenario:export": {
    options: { tenant: { type: "string" }, id: { type: "string" } },
    required: ["tenant", "id"],
    run: async (o) => exportScenario((await tenantBySlug(o.tenant)).id, positiveInt("id", o.id)),
  },
  "scenario:stats": {
    options: { tenant: { type: "string" }, id: { type: "string" } },
    required: ["tenant", "id"],
    run: async (o) => scenarioStats((await tenantBySlug(o.tenant)).id, positiveInt("id", o.id)),
  },
};

function positiveInt(name: string, value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`--${name} must be a positive whole number`);
  return Number(value);
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const spec = command ? COMMANDS[command] : undefined;
  if (!spec) {
    process.stderr.write(`usage: npm run -s cli -- <${Object.keys(COMMANDS).join("|")}> [--option value …]\n`);
    return 2;
  }
  let values: Record<string, string>;
  try {
    values = parseArgs({ args: rest, options: spec.options, strict: true, allowPositionals: false }).values as Record<string, string>;
  } catch (err) {
    process.stderr.write(`${command}: ${(err as Error).message}\n`);
    return 2;
  }
  const missing = spec.required.filter((k) => !values[k]);
  if (missing.length) {
    process.stderr.write(`${command}: missing ${missing.map((m) => "--" + m).join(", ")}\n`);
    return 2;
  }
  try {
    serverSecret();
    await migrate();
    const result = await spec.run(values);
    process.stdout.write(JSON.stringify(result) + "\n");
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`${command}: ${err.message}\n`);
      return 2;
    }
    const domain = err instanceof ZodError ? toDomainError(err) : toDomainError(err);
    const detail = domain.details.length ? summarize(domain.details) : domain.message;
    if (domain.kind === "internal") console.error(err);
    process.stderr.write(`${command}: ${detail}\n`);
    return 1;
  } finally {
    await db.$disconnect().catch(() => undefined);
  }
}

main(process.argv.slice(2)).then((code) => process.exit(code));
