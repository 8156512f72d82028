import type { Metadata } from "next";
import Link from "next/link";
import { SwaggerUi } from "@/components/docs/swagger-ui";
import { PageHeader } from "@/components/shell/page-header";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "API reference" };

export default async function ApiReferencePage() {
  const user = await requireUser();
  return (
    <>
      <PageHeader
        title="API reference"
        description={
          <>
            The public APIs under <code className="font-mono text-xs">/openapi</code>, one section per vendor dialect, with
            how each authenticates.{" "}
            {can(user.role, "admin") ? (
              <>
                Calls need an{" "}
                <Link href="/settings/api-keys" className="text-primary underline-offset-4 hover:underline">
                  API key
                </Link>
                .
              </>
            ) : (
              "Calls need an API key from an admin."
            )}{" "}
            The raw document is at{" "}
            <a href="/openapi/openapi.json" className="font-mono text-xs text-primary underline-offset-4 hover:underline">
              /openapi/openapi.json
            </a>
            .
          </>
        }
      />
      <SwaggerUi specUrl="/openapi/openapi.json" />
    </>
  );
}
