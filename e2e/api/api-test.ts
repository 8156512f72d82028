import { randomBytes } from "node:crypto";
import { cli, test as base, type ApiKey } from "../fixtures";

export { expect } from "../fixtures";

export interface OtherTenant {
  slug: string;
  /** every scope */
  key: ApiKey;
}

/**
 * The api project's test: the shared fixtures plus `otherTenant`, a second tenant of this worker
 * with one full-scope key, for "another tenant's key sees nothing" checks. It is made once per
 * worker with two CLI calls (not `makeTenant`'s four): each CLI call costs seconds on a busy machine.
 */
export const test = base.extend<object, { otherTenant: OtherTenant }>({
  otherTenant: [
    async ({}, use, workerInfo) => {
      const slug = `other${workerInfo.workerIndex}-${randomBytes(3).toString("hex")}`;
      cli("tenant:create", "--slug", slug, "--name", `E2E ${slug}`);
      const key = cli("apikey:create", "--tenant", slug, "--name", "other", "--scopes", "all", "--rate", "1000", "--burst", "2000");
      await use({ slug, key: key as unknown as ApiKey });
    },
    { scope: "worker" },
  ],
});
