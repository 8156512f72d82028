import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReactNode } from "react";
import { SwaggerUi } from "@/components/docs/swagger-ui";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { openApiDocument } from "@/lib/openapi/document";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("apiDocs");
  return { title: t("title") };
}

const DIALECTS = ["events", "customers", "lists", "groups", "scenarios"] as const;

/** The dialects the served document has operations for; the others are not built yet. */
function documentedDialects(): Set<string> {
  const tags = new Set<string>();
  for (const item of Object.values(openApiDocument().paths ?? {})) {
    for (const op of Object.values(item ?? {})) {
      if (op && typeof op === "object" && "tags" in op && Array.isArray(op.tags)) for (const tag of op.tags) tags.add(String(tag));
    }
  }
  return tags;
}

export default async function ApiReferencePage() {
  const user = await requireUser();
  const t = await getTranslations("apiDocs");
  const documented = documentedDialects();
  const code = (c: ReactNode) => <code className="font-mono text-xs">{c}</code>;
  return (
    <>
      <PageHeader
        title={t("title")}
        description={
          <>
            {t.rich("description", { code })}{" "}
            {can(user.role, "admin")
              ? t.rich("keysAdmin", {
                  link: (c) => (
                    <Link href="/settings/api-keys" className="text-primary underline-offset-4 hover:underline">
                      {c}
                    </Link>
                  ),
                })
              : t("keysOther")}{" "}
            {t.rich("raw", {
              doc: (c) => (
                <a href="/openapi/openapi.json" className="font-mono text-xs text-primary underline-offset-4 hover:underline">
                  {c}
                </a>
              ),
            })}
          </>
        }
      />
      <section aria-labelledby="api-dialects" className="mb-4">
        <h2 id="api-dialects" className="sr-only">
          {t("apis")}
        </h2>
        <ul className="flex flex-wrap gap-2 text-sm">
          {DIALECTS.map((d) => (
            <li key={d} className="flex items-center gap-1.5 rounded-md border px-2.5 py-1" data-testid={`dialect-${d}`}>
              {t(`dialects.${d}`)}
              <Badge variant={documented.has(d) ? "secondary" : "muted"}>{documented.has(d) ? t("available") : t("coming")}</Badge>
            </li>
          ))}
        </ul>
      </section>
      <SwaggerUi specUrl="/openapi/openapi.json" />
    </>
  );
}
