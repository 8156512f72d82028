import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect, test } from "../fixtures";

// The operator CLI as an operator runs it: bad arguments are explained on stderr, nothing is
// printed on stdout (scripts read its one JSON line), and the exit status is non-zero.

const root = path.resolve(__dirname, "../..");

function run(...args: string[]) {
  const res = spawnSync(path.join(root, "node_modules/.bin/tsx"), [path.join(root, "scripts/cli.ts"), ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL, AUTH_SECRET: process.env.E2E_AUTH_SECRET },
  });
  return { status: res.status, stdout: res.stdout, stderr: res.stderr };
}

test.describe("operator CLI", () => {
  test("no command or an unknown one prints the usage and exits 2", () => {
    for (const args of [[], ["tenant:destroy", "--slug", "x"]]) {
      const res = run(...args);
      expect(res.status).toBe(2);
      expect(res.stdout).toBe("");
      expect(res.stderr).toContain("usage: npm run -s cli -- <tenant:create|user:create|apikey:create|apikey:revoke>");
    }
  });

  test("missing, unknown and malformed options are refused with exit 2", ({ tenant }) => {
    const missing = run("tenant:create", "--name", "No slug");
    expect(missing).toEqual({ status: 2, stdout: "", stderr: "tenant:create: missing --slug\n" });

    const unknown = run("tenant:create", "--slug", "x", "--name", "X", "--colour", "red");
    expect(unknown.status).toBe(2);
    expect(unknown.stdout).toBe("");
    expect(unknown.stderr).toMatch(/^tenant:create: .*--colour/);

    const rate = run("apikey:create", "--tenant", tenant.slug, "--name", "k", "--scopes", "all", "--rate", "0");
    expect(rate).toEqual({ status: 2, stdout: "", stderr: "apikey:create: --rate must be a positive whole number\n" });
  });

  test("refusals of the domain exit 1 with the reason", ({ tenant }) => {
    const taken = run("tenant:create", "--slug", tenant.slug, "--name", "Again");
    expect(taken).toEqual({ status: 1, stdout: "", stderr: `tenant:create: tenant "${tenant.slug}" already exists\n` });

    const scope = run("apikey:create", "--tenant", tenant.slug, "--name", "k", "--scopes", "customers:read,everything");
    expect(scope.status).toBe(1);
    expect(scope.stdout).toBe("");
    expect(scope.stderr).toContain('unknown scope "everything"');

    const noTenant = run("apikey:create", "--tenant", "no-such-tenant-here", "--name", "k", "--scopes", "all");
    expect(noTenant).toEqual({ status: 1, stdout: "", stderr: 'apikey:create: tenant "no-such-tenant-here" not found\n' });
  });
});
