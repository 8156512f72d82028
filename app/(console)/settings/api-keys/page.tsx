import type { Metadata } from "next";
import Link from "next/link";
import { ApiKeysTable } from "@/components/access/api-keys-table";
import { CreateApiKeyDialog } from "@/components/access/create-api-key-dialog";
import { PageHeader } from "@/components/shell/page-header";
import { listApiKeys } from "@/lib/access/api-keys";
import { serializeApiKey } from "@/lib/access/serializers";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const admin = await requireUser("admin");
  const now = new Date();
  const items = (await listApiKeys(admin.tenantId)).map((k) => serializeApiKey(k, now));
  return (
    <>
      <PageHeader
        breadcrumbs={[{ href: "/settings", label: "Settings" }]}
        title="API keys"
        description={
          <>
            Credentials of the systems that call the public APIs. Each key sees only {admin.tenant.name}&apos;s data, within its
            scopes. See the{" "}
            <Link href="/docs/api" className="text-primary underline-offset-4 hover:underline">
              API reference
            </Link>{" "}
            for how each dialect signs its requests.
          </>
        }
        actions={<CreateApiKeyDialog />}
      />
      <ApiKeysTable initialData={{ items, total: items.length }} timeZone={admin.tenant.timeZone} />
    </>
  );
}
