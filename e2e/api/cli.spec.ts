import { execFile } from "node:child_process";
import path from "node:path";
import { expect, test } from "../fixtures";

// The operator CLI as an operator runs it: bad arguments are explained on stderr, nothing is
// printed on stdout (scripts read its one JSON line), and the exit status is non-zero: 2 for a
// usage error, 1 for a refusal of the domain. Each run starts a TypeScript process (seconds on a
// busy machine), so the cases of a test run side by side.

const root = path.resolve(__dirname, "../..");

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      path.join(root, "node_modules/.bin/tsx"),
      [path.join(root, "scripts/cli.ts"), ...args],
      { cwd: root, encoding: "utf8", env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL, AUTH_SECRET: process.env.E2E_AUTH_SECRET } },
      (err, stdout, stderr) => resolve({ status: err ? (typeof err.code === "number" ? err.code : null) : 0, stdout, stderr }),
    );
  });
}

test.describe("operator CLI", () => {
  test("usage errors: no command, a missing, unknown or malformed option exit 2 with the reason on stderr", async ({ tenant }) => {
    const [none, missing, unknown, rate] = await Promise.all([
      run(),
      run("tenant:create", "--name", "No slug"),
      run("tenant:create", "--slug", "x", "--name", "X", "--colour", "red"),
      run("apikey:create", "--tenant", tenant.slug, "--name", "k", "--scopes", "all", "--rate", "0"),
    ]);
    expect(none.status).toBe(2);
    expect(none.stdout).toBe("");
    expect(none.stderr).toContain("usage: npm run -s cli -- <tenant:create|user:create|apikey:create|apikey:revoke|segment:create|segment:count|custom-event:create|scenario:import|scenario:export|scenario:stats>");

    expect(missing).toEqual({ status: 2, stdout: "", stderr: "tenant:create: missing --slug\n" });
    expect(unknown).toEqual({ status: 2, stdout: "", stderr: "tenant:create: Unknown option '--colour'\n" });
    expect(rate).toEqual({ status: 2, stdout: "", stderr: "apikey:create: --rate must be a positive whole number\n" });
  });

  test("refusals of the domain exit 1 with the reason on stderr", async ({ tenant }) => {
    const [taken, scope, noTenant] = await Promise.all([
      run("tenant:create", "--slug", tenant.slug, "--name", "Again"),
      run("apikey:create", "--tenant", tenant.slug, "--name", "k", "--scopes", "customers:read,everything"),
      run("apikey:create", "--tenant", "no-such-tenant-here", "--name", "k", "--scopes", "all"),
    ]);
    expect(taken).toEqual({ status: 1, stdout: "", stderr: `tenant:create: slug: tenant "${tenant.slug}" already exists\n` });
    expect(scope.status).toBe(1);
    expect(scope.stdout).toBe("");
    expect(scope.stderr).toMatch(/^apikey:create: scopes: unknown scope "everything"; use "all" or customers:read, /);
    expect(noTenant).toEqual({ status: 1, stdout: "", stderr: 'apikey:create: tenant "no-such-tenant-here" not found\n' });
  });
});
